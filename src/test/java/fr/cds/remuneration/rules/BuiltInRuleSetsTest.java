package fr.cds.remuneration.rules;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.model.Unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BuiltInRuleSetsTest {

	private final RuleSetRepository repository = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	@Test
	void sasEffectionIsPaidFor2022Only() {
		assertThat(codes(2022)).contains("SAS_EFFECTION");
		assertThat(codes(2023)).doesNotContain("SAS_EFFECTION");
	}

	/** BRIEF §2: the latest text that governs each exercice, avenant 5 (published 2024) governing 2023. */
	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "2016, accord-2015", "2017, avenant-1", "2019, avenant-1", "2020, avenant-3", "2021, avenant-3",
			"2022, avenant-4", "2023, avenant-5", "2025, avenant-5", "2026, accord-2025", "2030, accord-2025" })
	void latestTextOfEachExercice(int exercice, String text) {
		assertThat(this.repository.rulesFor(exercice, Optional.empty()).latestText().id()).isEqualTo(text);
	}

	@Test
	void theExerciceChoosesTheModel() {
		ExerciceRules points = this.repository.rulesFor(2025, Optional.empty());
		ExerciceRules euros = this.repository.rulesFor(2026, Optional.empty());

		assertThat(points.ruleSet().id()).isEqualTo("accord-2015");
		assertThat(points.unit()).isEqualTo(Unit.POINTS);
		assertThat(points.pointValueEur().value()).isEqualByComparingTo("7");
		assertThat(euros.ruleSet().id()).isEqualTo("accord-2025");
		assertThat(euros.unit()).isEqualTo(Unit.EUROS);
		assertThat(euros.pointValueEur()).isNull();
		assertThat(euros.uplift()).isEmpty();
		assertThat(euros.indicators()).allSatisfy(i -> assertThat(i.rule().block()).isNull());
		assertThat(codes(2026)).containsExactly("HORAIRES", "ACCES_SOINS_INFIRMIERS", "COORDINATION", "SI",
				"PREVENTION_N1", "SANTE_PUBLIQUE", "COMPLEXITE", "FILE_ACTIVE_EQUIPE", "SANTE_ENVIRONNEMENTALE",
				"QUALITE", "AIDE_DEMOGRAPHIQUE");
	}

	@Test
	void noRuleSetBefore2016() {
		assertThatThrownBy(() -> this.repository.rulesFor(2015, Optional.empty()))
			.isInstanceOf(RuleSetException.class)
			.hasMessageContaining("aucun jeu de règles ne couvre l'exercice 2015");
	}

	private List<String> codes(int exercice) {
		return this.repository.rulesFor(exercice, Optional.empty())
			.indicators()
			.stream()
			.map(ExerciceRules.ExerciceIndicator::code)
			.toList();
	}

}
