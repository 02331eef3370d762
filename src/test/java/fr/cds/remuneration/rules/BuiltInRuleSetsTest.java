package fr.cds.remuneration.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.Unit;
import fr.cds.remuneration.rules.model.ValueStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped rule sets against the dates and facts of BRIEF.md §2, §4 and §5. */
class BuiltInRuleSetsTest {

	private final RuleSetRepository repository = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	/** BRIEF §2: signature, approval and publication dates, first exercice governed. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(nullValues = "-", textBlock = """
			accord-2015, 2015-07-08, -,          2015-09-30, 2016
			avenant-1,   2017-05-23, -,          2017-11-17, 2017
			avenant-3,   2020-02-04, -,          2020-09-03, 2020
			avenant-4,   2022-04-14, 2022-06-21, 2022-10-05, 2022
			avenant-5,   2023-11-30, 2024-02-06, 2024-03-15, 2023
			accord-2025, 2025-08-28, -,          2025-10-15, 2026
			""")
	void everyTextRecordsItsDatesAndFirstExercice(String id, LocalDate signed, LocalDate approved, LocalDate published,
			int firstExercice) {
		LegalText text = this.repository.all()
			.stream()
			.flatMap(r -> r.texts().stream())
			.filter(t -> t.id().equals(id))
			.findFirst()
			.orElseThrow();

		assertThat(text.signed()).isEqualTo(signed);
		assertThat(text.approved()).isEqualTo(approved);
		assertThat(text.published()).isEqualTo(published);
		assertThat(text.firstExercice()).isEqualTo(firstExercice);
	}

	/** Avenant 5, published in 2024, is the latest text of 2023: it deleted SAS_EFFECTION from 2023. */
	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "2016, accord-2015", "2017, avenant-1", "2019, avenant-1", "2020, avenant-3", "2021, avenant-3",
			"2022, avenant-4", "2023, avenant-5", "2025, avenant-5", "2026, accord-2025", "2030, accord-2025" })
	void latestTextOfEachExercice(int exercice, String text) {
		assertThat(rules(exercice).latestText().id()).isEqualTo(text);
	}

	@Test
	void everyExerciceFrom2016HasRulesAndNoneBefore() {
		for (int exercice = 2016; exercice <= 2030; exercice++) {
			assertThat(rules(exercice).exercice()).isEqualTo(exercice);
		}
		assertThatThrownBy(() -> rules(2015)).isInstanceOf(RuleSetException.class)
			.hasMessageContaining("no rule set covers exercice 2015");
	}

	@Test
	void theExerciceChoosesTheModel() {
		assertThat(rules(2025).ruleSet().id()).isEqualTo("accord-2015");
		assertThat(rules(2025).unit()).isEqualTo(Unit.POINTS);
		ExerciceRules rules2026 = rules(2026);
		assertThat(rules2026.ruleSet().id()).isEqualTo("accord-2025");
		assertThat(rules2026.unit()).isEqualTo(Unit.EUROS);
		assertThat(rules2026.pointValueEur()).isNull();
		assertThat(rules2026.uplift()).isEmpty();
		assertThat(rules2026.ruleSet().blocks()).isEmpty();
	}

	@Test
	void sasEffectionIsPaidFor2022Only() {
		assertThat(codes(2021)).doesNotContain("SAS_EFFECTION");
		assertThat(codes(2022)).contains("SAS_EFFECTION");
		assertThat(codes(2023)).doesNotContain("SAS_EFFECTION");
	}

	@Test
	void theCrisisPlanIsSocleFrom2023() {
		assertThat(indicator(2022, "CRISE_PLAN").isSocle()).isFalse();
		assertThat(indicator(2023, "CRISE_PLAN").isSocle()).isTrue();
		assertThat(indicator(2023, "CRISE_PLAN").socle().status()).isEqualTo(ValueStatus.CONFIRMED);
	}

	@Test
	void thePreventionSocleOf2026IsConfirmedAndGateOnly() {
		var prevention = indicator(2026, "PREVENTION_N1");
		assertThat(prevention.isSocle()).isTrue();
		assertThat(prevention.socle().status()).isEqualTo(ValueStatus.CONFIRMED);
		assertThat(prevention.rule().gateOnly()).isTrue();
		assertThat(prevention.components()).isEmpty();
	}

	@Test
	void demographicAidIsNotForDentalCentres() {
		assertThat(indicator(2026, "AIDE_DEMOGRAPHIQUE").appliesTo(CentreType.DENTAIRE)).isFalse();
		assertThat(List.of(CentreType.MEDICAL, CentreType.POLYVALENT, CentreType.INFIRMIER))
			.allMatch(indicator(2026, "AIDE_DEMOGRAPHIQUE")::appliesTo);
	}

	/** DEFAULT-PARAMETERS §B: no euro amount of the 2025 accord is public. */
	@Test
	void everyAmountOfThe2025AccordIsAPlaceholder() {
		assertThat(rules(2026).indicators())
			.flatMap(ExerciceRules.ExerciceIndicator::components)
			.isNotEmpty()
			.allMatch(c -> c.value().status() == ValueStatus.PLACEHOLDER);
	}

	private ExerciceRules rules(int exercice) {
		return this.repository.rulesFor(exercice, Optional.empty());
	}

	private ExerciceRules.ExerciceIndicator indicator(int exercice, String code) {
		return rules(exercice).indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
	}

	private List<String> codes(int exercice) {
		return rules(exercice).indicators().stream().map(ExerciceRules.ExerciceIndicator::code).toList();
	}

}
