package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.extract.Population;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same two centres computed for every exercice from 2019 to 2026 on the shipped rule sets,
 * against amounts computed by hand from the tables of DEFAULT-PARAMETERS.md and recomputed
 * independently with exact fractions by {@code src/test/python/exercice_boundaries.py}. Each
 * boundary is checked on both sides, so that a change dated for a later exercice cannot leak into
 * an earlier one.
 *
 * <p><b>Polyvalent centre</b> (ZIP): FTE 4 GP, 1 other doctor, 2.5 nurses, 1 IPA, 0.5 midwife, 1
 * physiotherapist = 10 health FTE (plus 1 medical assistant and 2 administrative, not counted).
 * 5,000 médecin-traitant patients: 600 C2S, 50 AME, 900 ALD, 120 disabled; 1,500 team patients.
 * Uplift = (600/5,000 − 11 %) + (50/5,000 − 0.7 %) = 1 % + 0.3 % = 1.3 %. Point = 7 €.
 * <pre>
 * line (points)              2019–2021 2022      2023      2024–2025
 * ACCES_HORAIRES             800                                       = 5,600.00 €
 * COORDINATION               1,000 + 1,700 × 5,000/4,000 × 1.013 = 3,152.625 = 22,068.375 → 22,068.38 €
 * SI_STANDARD                500 + 200 × 10 FTE = 2,500            = 17,500.00 €
 * SI_AVANCE                  100                                   = 700.00 €
 * PROTOCOLES (3)             100 × 3 = 300 → from 2022, with an IPA: 140 × 3 = 420 (2,940.00 €)
 * CONCERTATION               1,000 × 5,000/4,000 × 1.013 = 1,266.25 = 8,863.75 €
 * FORMATION (5 declared)     225 × 4 = 900 → from 2024: + 225 for the 5th = 1,125 (7,875.00 €)
 * DEMARCHE_QUALITE level 2   100 + 200 = 300                       = 2,100.00 €
 * MISSIONS_SANTE_PUBLIQUE 1  350 × 5,000/4,000 × 1.013 = 443.1875 = 3,102.3125 → 3,102.31 €
 * PUBLICS_VULNERABLES 2      200 + 200 = 400                       = 2,800.00 €
 * 2019: total 71,134.44 €
 * 2020–2021: + SNP_REGULATION level 2 (200, not cumulative) 1,400.00 + TELEMEDECINE 700.00 = 73,234.44 €
 * 2022: + PROTOCOLES +120 pts (840.00) + CRISE_PLAN 700.00 + SAS_EFFECTION 700.00 + IPA 1,400.00 = 76,874.44 €
 * 2023: − SAS_EFFECTION (deleted by avenant 5) = 76,174.44 €
 * 2024–2025: + 5th placement 1,575.00 + DMP 700.00 + midwife outreach 50 pts 350.00 = 78,799.44 €
 * 2026 (euros): HORAIRES level 2 9,000 + COORDINATION 7,000 + 12 × 5,000 = 67,000
 *   + SI 3,500 + 1,400 × 10 = 17,500 + SANTE_PUBLIQUE 2,500 + COMPLEXITE 600 × 10 + 50 × 10 + 900 × 15
 *   + 120 × 10 = 21,200 + FILE_ACTIVE_EQUIPE 8 × 1,500 = 12,000 + SANTE_ENVIRONNEMENTALE 1,000
 *   + QUALITE 700 + 1,400 = 2,100 + AIDE_DEMOGRAPHIQUE 5,000 × 4 GP FTE = 20,000 = 152,300.00 €
 * </pre>
 *
 * <p><b>Dental centre</b> (ZIP): 3 dentist FTE + 1 other health professional = 4 FTE. File active
 * 2,000 patients: 300 C2S, 40 AME, 100 ALD, 30 disabled. Uplift = (15 % − 11 %) + (2 % − 0.7 %) =
 * 5.3 %.
 * <pre>
 * ACCES_HORAIRES                   800 = 5,600.00 €
 * COORDINATION                     1,000 + 1,700 × 2,000/4,000 × 1.053 = 1,895.05 = 13,265.35 €
 * SI_STANDARD                      2019: 500 (3,500.00 €); from 2020 (avenant 3): 500 + 200 × 4 = 1,300 (9,100.00 €)
 * COORDINATION_EXTERNE_DENTAIRE 2  500 (3,500.00 €) until 2023; from 2024 at least 3 are needed: 0
 * DEMARCHE_QUALITE level 1         100 = 700.00 €
 * MISSIONS_SANTE_PUBLIQUE 2        350 × 2,000/4,000 × 2 × 1.053 = 368.55 = 2,579.85 €
 * CRISE_PLAN (from 2022)           100 = 700.00 €
 * 2019: 29,145.20 € · 2020–2021: 34,745.20 € · 2022–2023: 35,445.20 € · 2024–2025: 31,945.20 €
 * 2026: HORAIRES level 1 6,000 + COORDINATION 7,000 + 12 × 2,000 = 31,000 + SI 3,500 + 1,400 × 4
 *   = 9,100 + COMPLEXITE 300 × 10 + 40 × 10 + 100 × 15 + 30 × 10 = 5,200 + QUALITE 700
 *   = 52,000.00 € (no demographic aid for a dental centre, even in a ZIP)
 * </pre>
 */
class ExerciceBoundaryTest {

	private static final RuleSetRepository RULES = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	private final RemunerationEngine engine = new RemunerationEngine();

	static CentreFixture polyvalentCentre() {
		return CentreFixture.centre("690001234", CentreType.POLYVALENT)
			.zone(Zone.ZIP)
			.staff(Profession.MEDECIN_GENERALISTE, "4")
			.staff(Profession.MEDECIN_AUTRE, "1")
			.staff(Profession.INFIRMIER, "2.5")
			.staff(Profession.IPA, "1")
			.staff(Profession.SAGE_FEMME, "0.5")
			.staff(Profession.MASSEUR_KINESITHERAPEUTE, "1")
			.staff(Profession.ASSISTANT_MEDICAL, "1")
			.staff(Profession.ADMINISTRATIF, "2")
			.patients(Population.MEDECIN_TRAITANT, 5_000, 600, 50, 900, 120)
			.patients(Population.FILE_ACTIVE_EQUIPE, 1_500, 200, 10, 400, 60)
			.patients(Population.FILE_ACTIVE, 7_000, 800, 70, 1_000, 150)
			// the same answers every year: an answer to an indicator not in force is ignored
			.answer("ACCES_HORAIRES", "oui")
			.answer("COORDINATION", "oui")
			.answer("SI_STANDARD", "oui")
			.answer("SI_AVANCE", "oui")
			.answer("PROTOCOLES", "3")
			.answer("CONCERTATION", "oui")
			.answer("FORMATION", "5")
			.answer("DEMARCHE_QUALITE", "2")
			.answer("MISSIONS_SANTE_PUBLIQUE", "1")
			.answer("PUBLICS_VULNERABLES", "2")
			.answer("PUBLICS_VULNERABLES_ALLER_VERS_SF", "oui")
			.answer("SNP_REGULATION", "2")
			.answer("TELEMEDECINE", "oui")
			.answer("CRISE_PLAN", "oui")
			.answer("SAS_EFFECTION", "oui")
			.answer("IPA", "oui")
			.answer("DMP", "oui")
			// 2025 accord
			.answer("HORAIRES", "2")
			.answer("SI", "oui")
			.answer("PREVENTION_N1", "oui")
			.answer("SANTE_PUBLIQUE", "1")
			.answer("SANTE_ENVIRONNEMENTALE", "oui")
			.answer("QUALITE", "2");
	}

	static CentreFixture dentalCentre() {
		return CentreFixture.centre("590004567", CentreType.DENTAIRE)
			.zone(Zone.ZIP)
			.staff(Profession.CHIRURGIEN_DENTISTE, "3")
			.staff(Profession.AUTRE_PROFESSIONNEL_SANTE, "1")
			.staff(Profession.ADMINISTRATIF, "1")
			.patients(Population.FILE_ACTIVE, 2_000, 300, 40, 100, 30)
			.answer("ACCES_HORAIRES", "oui")
			.answer("COORDINATION", "oui")
			.answer("SI_STANDARD", "oui")
			.answer("CRISE_PLAN", "oui")
			.answer("COORDINATION_EXTERNE_DENTAIRE", "2")
			.answer("DEMARCHE_QUALITE", "1")
			.answer("MISSIONS_SANTE_PUBLIQUE", "2")
			.answer("HORAIRES", "1")
			.answer("SI", "oui")
			.answer("PREVENTION_N1", "oui")
			.answer("QUALITE", "1");
	}

	@ParameterizedTest(name = "polyvalent centre, exercice {0}: {1} €")
	@CsvSource({ "2019, 71134.44", "2020, 73234.44", "2021, 73234.44", "2022, 76874.44", "2023, 76174.44",
			"2024, 78799.44", "2025, 78799.44", "2026, 152300.00" })
	void polyvalentCentreTotalPerExercice(int exercice, String total) {
		CentreResult result = compute(polyvalentCentre(), exercice);

		assertThat(result.socle().met()).isTrue();
		assertThat(result.totalEuros()).isEqualByComparingTo(total);
	}

	@ParameterizedTest(name = "dental centre, exercice {0}: {1} €")
	@CsvSource({ "2019, 29145.20", "2020, 34745.20", "2021, 34745.20", "2022, 35445.20", "2023, 35445.20",
			"2024, 31945.20", "2025, 31945.20", "2026, 52000.00" })
	void dentalCentreTotalPerExercice(int exercice, String total) {
		CentreResult result = compute(dentalCentre(), exercice);

		assertThat(result.socle().met()).isTrue();
		assertThat(result.totalEuros()).isEqualByComparingTo(total);
	}

	@Test
	void perProfessionalInformationSystemPointsForDentalCentresStartIn2020() {
		assertThat(euros(compute(dentalCentre(), 2019), "SI_STANDARD")).isEqualByComparingTo("3500.00");
		assertThat(euros(compute(dentalCentre(), 2020), "SI_STANDARD")).isEqualByComparingTo("9100.00");
	}

	@Test
	void avenant3IndicatorsStartIn2020() {
		assertThat(codes(compute(polyvalentCentre(), 2019))).doesNotContain("SNP_REGULATION", "TELEMEDECINE");
		assertThat(euros(compute(polyvalentCentre(), 2020), "SNP_REGULATION")).isEqualByComparingTo("1400.00");
		assertThat(euros(compute(polyvalentCentre(), 2020), "TELEMEDECINE")).isEqualByComparingTo("700.00");
	}

	@Test
	void avenant4IndicatorsAndTheIpaProtocolRateStartIn2022() {
		CentreResult before = compute(polyvalentCentre(), 2021);
		CentreResult after = compute(polyvalentCentre(), 2022);

		assertThat(codes(before)).doesNotContain("CRISE_PLAN", "CRISE_ACTIVATION", "SAS_EFFECTION", "IPA", "NUMERIQUE",
				"PARCOURS_IC", "PARCOURS_OBESITE");
		assertThat(codes(after)).contains("CRISE_PLAN", "CRISE_ACTIVATION", "SAS_EFFECTION", "IPA", "NUMERIQUE",
				"PARCOURS_IC", "PARCOURS_OBESITE");
		assertThat(euros(before, "PROTOCOLES")).isEqualByComparingTo("2100.00");
		assertThat(euros(after, "PROTOCOLES")).isEqualByComparingTo("2940.00");
		assertThat(euros(after, "IPA")).isEqualByComparingTo("1400.00");
	}

	@Test
	void sasEffectionIsPaidFor2022AndNotFor2023() {
		assertThat(euros(compute(polyvalentCentre(), 2022), "SAS_EFFECTION")).isEqualByComparingTo("700.00");
		assertThat(codes(compute(polyvalentCentre(), 2023))).doesNotContain("SAS_EFFECTION");
	}

	/** CRISE_PLAN is optional in 2022 and socle from 2023: a centre without it loses everything in 2023 only. */
	@Test
	void theCrisisPlanBecomesSocleIn2023AndNotBefore() {
		CentreFixture withoutPlan = polyvalentCentre().answer("CRISE_PLAN", "non");

		CentreResult in2022 = compute(withoutPlan, 2022);
		assertThat(in2022.socle().met()).isTrue();
		// 76,874.44 − 700.00 (CRISE_PLAN not met, optional)
		assertThat(in2022.totalEuros()).isEqualByComparingTo("76174.44");

		CentreResult in2023 = compute(withoutPlan, 2023);
		assertThat(in2023.socle().failed()).containsExactly("CRISE_PLAN");
		assertThat(in2023.totalEuros()).isEqualByComparingTo("0");
	}

	@Test
	void theFifthPlacementDmpAndMidwifeOutreachStartIn2024() {
		CentreResult before = compute(polyvalentCentre(), 2023);
		CentreResult after = compute(polyvalentCentre(), 2024);

		assertThat(euros(before, "FORMATION")).isEqualByComparingTo("6300.00");
		assertThat(euros(after, "FORMATION")).isEqualByComparingTo("7875.00");
		assertThat(codes(before)).doesNotContain("DMP", "PUBLICS_VULNERABLES_ALLER_VERS_SF");
		assertThat(euros(after, "DMP")).isEqualByComparingTo("700.00");
		assertThat(euros(after, "PUBLICS_VULNERABLES_ALLER_VERS_SF")).isEqualByComparingTo("350.00");
	}

	@Test
	void midwifeOutreachIsPaidOnlyWhenVulnerablePublicsReachLevel2() {
		CentreResult result = compute(polyvalentCentre().answer("PUBLICS_VULNERABLES", "1"), 2024);

		assertThat(line(result, "PUBLICS_VULNERABLES_ALLER_VERS_SF").verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
		assertThat(euros(result, "PUBLICS_VULNERABLES_ALLER_VERS_SF")).isEqualByComparingTo("0");
	}

	@Test
	void dentalOutreachNeedsThreeActionsFrom2024Only() {
		assertThat(line(compute(dentalCentre(), 2023), "COORDINATION_EXTERNE_DENTAIRE").verdict())
			.isEqualTo(Verdict.MET);
		IndicatorLine in2024 = line(compute(dentalCentre(), 2024), "COORDINATION_EXTERNE_DENTAIRE");
		assertThat(in2024.verdict()).isEqualTo(Verdict.NOT_MET);
		assertThat(in2024.verdictNote()).isEqualTo("déclaré 2, minimum requis 3");
		assertThat(euros(compute(dentalCentre().answer("COORDINATION_EXTERNE_DENTAIRE", "3"), 2024),
				"COORDINATION_EXTERNE_DENTAIRE"))
			.isEqualByComparingTo("3500.00");
	}

	@Test
	void the2026AccordIsInEurosWithoutPointValueUpliftOrBlocks() {
		CentreResult result = compute(polyvalentCentre(), 2026);

		assertThat(result.ruleSet().reference()).isEqualTo("accord-2025@2026.1");
		assertThat(result.ruleSet().latestTextId()).isEqualTo("accord-2025");
		assertThat(result.pointValueEur()).isNull();
		assertThat(result.uplift()).isNull();
		assertThat(result.lines()).allSatisfy(l -> assertThat(l.block()).isNull());
		assertThat(euros(result, "COMPLEXITE")).isEqualByComparingTo("21200.00");
		assertThat(euros(result, "FILE_ACTIVE_EQUIPE")).isEqualByComparingTo("12000.00");
		assertThat(euros(result, "AIDE_DEMOGRAPHIQUE")).isEqualByComparingTo("20000.00");
		// 1,400 € per FTE for 16 FTE at most: 20 FTE earn 3,500 + 1,400 × 16 = 25,900 €
		assertThat(euros(compute(polyvalentCentre().staff(Profession.AUTRE_PROFESSIONNEL_SANTE, "10"), 2026), "SI"))
			.isEqualByComparingTo("25900.00");
	}

	@Test
	void thePreventionSocleGatesEverythingIn2026AndPaysNothingItself() {
		assertThat(euros(compute(polyvalentCentre(), 2026), "PREVENTION_N1")).isEqualByComparingTo("0");

		CentreResult without = compute(polyvalentCentre().answer("PREVENTION_N1", "non"), 2026);
		assertThat(without.socle().failed()).containsExactly("PREVENTION_N1");
		assertThat(without.totalEuros()).isEqualByComparingTo("0");
	}

	@Test
	void demographicAidIsNeverPaidToADentalCentreAndOnlyInAnUnderServedZone() {
		assertThat(codes(compute(dentalCentre(), 2026))).doesNotContain("AIDE_DEMOGRAPHIQUE");
		IndicatorLine outsideZone = line(compute(polyvalentCentre().zone(Zone.HORS_ZONE), 2026), "AIDE_DEMOGRAPHIQUE");
		assertThat(outsideZone.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
		assertThat(outsideZone.euros()).isEqualByComparingTo("0");
	}

	private CentreResult compute(CentreFixture centre, int exercice) {
		return this.engine.compute(RULES.rulesFor(exercice, Optional.empty()), centre.inputs());
	}

	private static List<String> codes(CentreResult result) {
		return result.lines().stream().map(IndicatorLine::code).toList();
	}

	private static IndicatorLine line(CentreResult result, String code) {
		return result.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
	}

	private static BigDecimal euros(CentreResult result, String code) {
		return line(result, code).euros();
	}

}
