package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine on the shipped 2015 rule set for exercice 2024 (366 days, point value 7 €), against
 * amounts computed by hand from the tables of DEFAULT-PARAMETERS.md. Each expected euro figure
 * was also checked with exact fractions, independently of this code.
 */
class RemunerationEngineTest {

	private static final ExerciceRules RULES_2024 = RuleSetRepository.load(RuleSetRepository.BUILT_IN)
		.rulesFor(2024, Optional.empty());

	private final RemunerationEngine engine = new RemunerationEngine();

	/**
	 * Médical centre, 10,000 médecin-traitant patients of whom 4,000 C2S and 500 AME, 20 health FTE.
	 * Uplift = min(25 %, (40 % − 11 %) + (5 % − 0.7 %)) = 25 % (capped).
	 */
	private CentreFixture bigMedicalCentre() {
		return CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "12")
			.staff(Profession.MEDECIN_AUTRE, "3")
			.staff(Profession.INFIRMIER, "5")
			.staff(Profession.ASSISTANT_MEDICAL, "2")
			.staff(Profession.ADMINISTRATIF, "4")
			.patients(Population.MEDECIN_TRAITANT, 10_000, 4_000, 500)
			.socle2024()
			.answer("CONCERTATION", "oui")
			.answer("MISSIONS_SANTE_PUBLIQUE", "3")
			.answer("FORMATION", "6");
	}

	@Test
	void variablePointsAboveEightThousandPatientsPerProfessionalCapAndUpliftAtTheCap() {
		CentreResult result = this.engine.compute(RULES_2024, bigMedicalCentre().inputs());

		assertThat(result.uplift().capped()).isTrue();
		assertThat(result.uplift().rate()).isEqualByComparingTo("0.25");
		// 800 pts × 7 €
		assertThat(euros(result, "ACCES_HORAIRES")).isEqualByComparingTo("5600.00");
		// 1,000 + (1,700 × 8,000/4,000 + 1,100 × 2,000/4,000) × 1.25 = 1,000 + 3,950 × 1.25 = 5,937.5 pts
		assertThat(euros(result, "COORDINATION")).isEqualByComparingTo("41562.50");
		// 500 + 200 × 16 + 150 × 4 FTE (assistants and administrative staff do not count) = 4,300 pts, no uplift
		assertThat(euros(result, "SI_STANDARD")).isEqualByComparingTo("30100.00");
		assertThat(euros(result, "CRISE_PLAN")).isEqualByComparingTo("700.00");
		// 1,000 × 10,000/4,000 × 1.25 = 3,125 pts
		assertThat(euros(result, "CONCERTATION")).isEqualByComparingTo("21875.00");
		// 350 × 10,000/4,000 × 2 missions (3 declared, max 2) × 1.25 = 2,187.5 pts
		assertThat(euros(result, "MISSIONS_SANTE_PUBLIQUE")).isEqualByComparingTo("15312.50");
		// 225 × 5 placements (6 declared, max 5 from 2024) = 1,125 pts
		assertThat(euros(result, "FORMATION")).isEqualByComparingTo("7875.00");
		assertThat(result.totalEuros()).isEqualByComparingTo("123025.00");
		assertThat(result.socle().met()).isTrue();
	}

	@Test
	void oneSocleIndicatorMissedPaysNothingAtAll() {
		CentreResult result = this.engine.compute(RULES_2024,
				bigMedicalCentre().answer("SI_STANDARD", "non").inputs());

		assertThat(result.socle().met()).isFalse();
		assertThat(result.socle().failed()).containsExactly("SI_STANDARD");
		assertThat(result.totalEuros()).isEqualByComparingTo("0");
		assertThat(result.lines()).allSatisfy(line -> assertThat(line.euros()).isEqualByComparingTo("0"));
		// what meeting the socle would have earned is still known line by line
		assertThat(line(result, "COORDINATION").potentialEuros()).isEqualByComparingTo("41562.50");
	}

	@Test
	void aMissingSocleAnswerCountsAsNotMet() {
		var fixture = CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "2")
			.answer("ACCES_HORAIRES", "oui")
			.answer("SI_STANDARD", "oui")
			.answer("CRISE_PLAN", "oui");
		CentreResult result = this.engine.compute(RULES_2024, fixture.inputs());

		assertThat(result.socle().failed()).containsExactly("COORDINATION");
		assertThat(line(result, "COORDINATION").verdictNote()).isEqualTo("aucune réponse déclarée");
		assertThat(result.totalEuros()).isEqualByComparingTo("0");
	}

	/**
	 * Polyvalent centre open from 1 July 2024: 184 days of 366. Nurses 4.5 FTE ≥ ½ × 6 GP FTE and
	 * ≥ 4: nursing supplement. 2,000 patients, 10 % C2S and 0.5 % AME: below the national rates,
	 * no uplift. Each line is pro-rated and rounded once.
	 */
	@Test
	void nursingSupplementAndProRataForACentreOpenedMidYear() {
		var fixture = CentreFixture.centre("330000209", CentreType.POLYVALENT)
			.opened(LocalDate.of(2024, 7, 1))
			.staff(Profession.MEDECIN_GENERALISTE, "6")
			.staff(Profession.INFIRMIER, "4.5")
			.staff(Profession.CHIRURGIEN_DENTISTE, "2")
			.patients(Population.MEDECIN_TRAITANT, 2_000, 200, 10)
			.socle2024()
			.answer("DEMARCHE_QUALITE", "2");
		CentreResult result = this.engine.compute(RULES_2024, fixture.inputs());

		assertThat(result.prorata().daysOpen()).isEqualTo(184);
		assertThat(result.prorata().daysInExercice()).isEqualTo(366);
		assertThat(result.uplift().rate()).isEqualByComparingTo("0");
		// 800 × 7 × 184 / 366 = 2,815.300…
		assertThat(euros(result, "ACCES_HORAIRES")).isEqualByComparingTo("2815.30");
		// (1,000 + 1,700 × 2,000/4,000) × 7 × 184/366 = 6,510.382…
		assertThat(euros(result, "COORDINATION")).isEqualByComparingTo("6510.38");
		// (500 + 200 × 12.5 FTE) × 7 × 184/366 = 10,557.377…
		assertThat(euros(result, "SI_STANDARD")).isEqualByComparingTo("10557.38");
		assertThat(euros(result, "CRISE_PLAN")).isEqualByComparingTo("351.91");
		// quality level 2, cumulative: 100 + 200 = 300 pts
		assertThat(euros(result, "DEMARCHE_QUALITE")).isEqualByComparingTo("1055.74");
		// 300 + 50 × 4.5 nurse FTE = 525 pts
		assertThat(euros(result, "SUPPLEMENT_INFIRMIER")).isEqualByComparingTo("1847.54");
		assertThat(result.totalEuros()).isEqualByComparingTo("23138.25");
	}

	@Test
	void noNursingSupplementBelowTheNurseRatio() {
		var fixture = CentreFixture.centre("330000209", CentreType.POLYVALENT)
			.staff(Profession.MEDECIN_GENERALISTE, "10")
			.staff(Profession.INFIRMIER, "4.5")
			.socle2024();
		CentreResult result = this.engine.compute(RULES_2024, fixture.inputs());

		assertThat(line(result, "SUPPLEMENT_INFIRMIER").verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
		assertThat(euros(result, "SUPPLEMENT_INFIRMIER")).isEqualByComparingTo("0");
	}

	@Test
	void aNewCentreIsPaidAsIfItsSocleWereMetWhenItDeclaresIt() {
		var fixture = CentreFixture.centre("310000203", CentreType.MEDICAL)
			.adhesion(LocalDate.of(2024, 1, 1))
			.staff(Profession.MEDECIN_GENERALISTE, "2")
			.answer("ACCES_HORAIRES", "oui")
			.answer("SI_STANDARD", "oui")
			.answer("CRISE_PLAN", "oui")
			.answer("NOUVEAU_CENTRE", "oui");
		CentreResult result = this.engine.compute(RULES_2024, fixture.inputs());

		assertThat(result.socle().met()).isTrue();
		assertThat(result.socle().derogation()).contains("nouveau centre");
		assertThat(line(result, "COORDINATION").verdict()).isEqualTo(Verdict.DEEMED_MET);
		// 800 + 1,000 (no patients) + (500 + 200 × 2) + 100 = 2,800 pts × 7
		assertThat(result.totalEuros()).isEqualByComparingTo("19600.00");
	}

	@Test
	void theDerogationDoesNotApplyAfterTheFirstExercice() {
		var fixture = CentreFixture.centre("310000203", CentreType.MEDICAL)
			.adhesion(LocalDate.of(2023, 1, 1))
			.answer("ACCES_HORAIRES", "oui")
			.answer("SI_STANDARD", "oui")
			.answer("CRISE_PLAN", "oui")
			.answer("NOUVEAU_CENTRE", "oui");
		CentreResult result = this.engine.compute(RULES_2024, fixture.inputs());

		assertThat(result.socle().met()).isFalse();
		assertThat(result.totalEuros()).isEqualByComparingTo("0");
	}

	@Test
	void halfACentIsRoundedUpOncePerLine() {
		// dental centre, 5 patients in its active list: COORDINATION = 1,000 + 1,700 × 5/4,000
		// = 1,002.125 pts × 7 = 7,014.875 € → 7,014.88 €
		var fixture = CentreFixture.centre("690000203", CentreType.DENTAIRE)
			.staff(Profession.CHIRURGIEN_DENTISTE, "2")
			.patients(Population.FILE_ACTIVE, 5, 0, 0)
			.socle2024();
		CentreResult result = this.engine.compute(RULES_2024, fixture.inputs());

		assertThat(euros(result, "COORDINATION")).isEqualByComparingTo("7014.88");
	}

	private static IndicatorLine line(CentreResult result, String code) {
		return result.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
	}

	private static BigDecimal euros(CentreResult result, String code) {
		return line(result, code).euros();
	}

}
