package fr.cds.remuneration.engine;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in plausibility bounds of 2024 (accord-2015: 10 acts per health-professional FTE and per
 * day, 100 for a count, 100 FTE per profession, no adhesion before 2002-01-01), applied by the pure
 * engine: at a bound a centre is plausible, one beyond it is not. A médical centre with 3 GP FTE
 * and 1 other doctor FTE has 4 health-professional FTE: 10 × 4 × 366 = 14,640 acts at most.
 */
class PlausibilityTest {

	private static final ExerciceRules RULES_2024 = ExerciceRules
		.resolve(RuleSetRepository.load(RuleSetRepository.BUILT_IN).forExercice(2024, java.util.Optional.empty()), 2024);

	private static CentreFixture medical() {
		return CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "3")
			.staff(Profession.MEDECIN_AUTRE, "1")
			.socle2024();
	}

	@Test
	void actCountsUpToTheBoundArePlausibleAndOneMoreIsNot() {
		assertThat(Plausibility.problems(RULES_2024, medical().answer("MAJORATION_SAS", "14640").inputs())).isEmpty();
		assertThat(Plausibility.problems(RULES_2024, medical().answer("MAJORATION_SAS", "14641").inputs()))
			.singleElement()
			.asString()
			.contains("MAJORATION_SAS", "plafond de vraisemblance", "(placeholder, source PLAUSIBILITY)");
	}

	@Test
	void fteAdhesionAndCountsBeyondTheirBoundsAreEachReported() {
		CentreFixture centre = medical().staff(Profession.INFIRMIER, "100.5")
			.adhesion(LocalDate.of(1, 1, 1))
			.answer("FORMATION", "101");

		assertThat(Plausibility.problems(RULES_2024, centre.inputs())).hasSize(3)
			.anySatisfy(p -> assertThat(p).contains("ETP déclarés en infirmier"))
			.anySatisfy(p -> assertThat(p).contains("date d'adhésion 0001-01-01"))
			.anySatisfy(p -> assertThat(p).contains("101 déclaré pour FORMATION"));
		assertThat(Plausibility.problems(RULES_2024, medical().staff(Profession.INFIRMIER, "100")
			.adhesion(LocalDate.of(2002, 1, 1))
			.answer("FORMATION", "100")
			.inputs())).isEmpty();
	}

}
