package fr.cds.remuneration.calculette;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers carried from the 2015 accord (2025) to the 2025 accord (2026), by what they mean. */
class AnswerCarryOverTest {

	private static final RuleSetRepository RULES = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	private static final ExerciceRules RULES_2025 = RULES.rulesFor(2025, Optional.empty());

	private static final ExerciceRules RULES_2026 = RULES.rulesFor(2026, Optional.empty());

	@Test
	void aNursingCentresAnswersTakeTheNewAnswerTypes() {
		AnswerCarryOver.CarriedAnswers carried = AnswerCarryOver.carry(RULES_2025, RULES_2026, CentreType.INFIRMIER,
				Map.of("ACCES_SOINS_INFIRMIERS", "oui", "COORDINATION", "non", "DEMARCHE_QUALITE", "3",
						"PUBLICS_VULNERABLES", "0", "MISSIONS_SANTE_PUBLIQUE", "4", "NOUVEAU_CENTRE", "oui"));

		assertThat(carried.answers()).containsExactlyInAnyOrderEntriesOf(Map.of(
				// yes/no → level (same code): met at the first level
				"ACCES_SOINS_INFIRMIERS", "1",
				"COORDINATION", "non",
				// level → level, the same number
				"QUALITE", "3",
				// level 0 did not meet vulnerable publics: complexity not met
				"COMPLEXITE", "non",
				// count → count, the same number (the cap applies when computed)
				"SANTE_PUBLIQUE", "4",
				// the new prevention socle, assumed met
				"PREVENTION_N1", "oui",
				"NOUVEAU_CENTRE", "oui"));
		// the information system continues SI_STANDARD, not answered here: nothing to carry
		assertThat(carried.carried()).filteredOn(c -> c.code().equals("SI")).singleElement().satisfies(c -> {
			assertThat(c.from()).containsExactly("SI_STANDARD");
			assertThat(c.answer()).isNull();
			assertThat(c.provisional()).isTrue();
		});
	}

	@Test
	void aNoOnAYesNoBecomesLevelZero() {
		AnswerCarryOver.CarriedAnswers carried = AnswerCarryOver.carry(RULES_2025, RULES_2026, CentreType.DENTAIRE,
				Map.of("ACCES_HORAIRES", "non"));

		assertThat(carried.answers()).containsEntry("HORAIRES", "0");
	}

}
