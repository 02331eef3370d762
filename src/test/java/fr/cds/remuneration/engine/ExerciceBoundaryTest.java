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
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.extract.PopulationCounts;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same two centres, with the same staff, patients and answers, computed under the shipped rule
 * sets for every exercice from 2019 to 2026: each change must appear in the exercice its text dates
 * it from, and not one year earlier. Expected amounts were computed by hand from the tables of
 * DEFAULT-PARAMETERS.md (shown in the comments) and checked with exact fractions by
 * {@code src/test/python/exercice_boundaries.py}, which does not read the rule files.
 *
 * <p>Polyvalent centre (ZIP): 3 GP, 1 other doctor, 4 nurses, 1 IPA, 1 midwife, 0.5 physiotherapist
 * FTE = 10.5 health FTE (plus an assistant and 2 administrative FTE, who do not count); 5,000
 * médecin-traitant patients of whom 600 C2S (12 %), 50 AME (1 %), 900 ALD, 120 disabled; a team
 * active list of 1,800. Precarity uplift = (12 % − 11 %) + (1 % − 0.7 %) = 1.3 %.
 *
 * <p>Dental centre (ZIP): 4 dentists and 0.8 other health FTE = 4.8; active list of 3,000 of whom
 * 450 C2S (15 %), 30 AME (1 %), 200 ALD, 40 disabled. Uplift = 4 % + 0.3 % = 4.3 %.
 *
 * <p>Points are worth 7 €; each line is rounded half-up to the cent once.
 */
class ExerciceBoundaryTest {

	private static final RuleSetRepository BUILT_IN = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	private final RemunerationEngine engine = new RemunerationEngine();

	/**
	 * The polyvalent centre, with its answers under both models (each model ignores the codes of the
	 * other). Lines common to 2019–2025 (pts × 7 €): ACCES_HORAIRES 800 → 5,600; COORDINATION 1,000 + 1,700
	 * × 5,000/4,000 × 1.013 = 3,152.625 → 22,068.375 → 22,068.38; SI_STANDARD 500 + 200 × 10.5 =
	 * 2,600 → 18,200; SI_AVANCE 700; CONCERTATION 1,250 × 1.013 → 8,863.75; COORDINATION_EXTERNE 250 ×
	 * 1.013 → 1,772.75; DEMARCHE_QUALITE 100 + 200 + 300 → 4,200; MISSIONS 350 × 1.25 × 1 × 1.013 =
	 * 443.1875 → 3,102.3125 → 3,102.31; PUBLICS_VULNERABLES 400 → 2,800; IMPLICATION_USAGERS 200 →
	 * 1,400; DIVERSITE_SERVICES 600 → 4,200; SUPPLEMENT_INFIRMIER (4 nurse FTE ≥ ½ × 3 GP and ≥ 4)
	 * 300 + (20 access + 15 coordination + 15 information system + 10 protocols, all four met) × 4 nurse
	 * FTE = 540 → 3,780. Sum 76,687.19, plus per exercice:
	 * <ul>
	 * <li>2019: PROTOCOLES 100 × 8 (10 declared) → 5,600; FORMATION 225 × 4 (5 declared, max 4) →
	 * 6,300: 88,587.19;
	 * <li>2020–2021 (avenant 3): + SNP_REGULATION, CODAGE, TELEMEDECINE 100 each → 2,100: 90,687.19;
	 * <li>2022 (avenant 4): PROTOCOLES with an IPA 140 × 8 → 7,840 (+2,240); CRISE_PLAN 700;
	 * CRISE_ACTIVATION 350 × 1.25 × 1.013 → 3,102.31; IPA 1,400; NUMERIQUE 700; PARCOURS_IC 125 × 1.013
	 * = 126.625 → 886.375 → 886.38; SAS_EFFECTION 700: 100,415.88;
	 * <li>2023 (avenant 5, retroactive): SAS_EFFECTION deleted: 99,715.88;
	 * <li>2024–2025: FORMATION 225 × 5 → 7,875 (+1,575); midwife outreach 50 → 350 (level 2 of
	 * vulnerable publics declared); DMP 700: 102,340.88.
	 * </ul>
	 * 2026 (2025 accord, euros): HORAIRES level 3 12,000 (not cumulative); COORDINATION 7,000 + 12 ×
	 * 5,000 = 67,000; SI 3,500 + 1,400 × 10.5 = 18,200; PREVENTION_N1 0 (gate); SANTE_PUBLIQUE 2,500;
	 * COMPLEXITE 10 × 600 + 10 × 50 + 15 × 900 + 10 × 120 = 21,200; FILE_ACTIVE_EQUIPE 8 × 1,800 =
	 * 14,400; SANTE_ENVIRONNEMENTALE 1,000; QUALITE 700 + 1,400 + 2,100 = 4,200; AIDE_DEMOGRAPHIQUE
	 * (ZIP) 5,000 × 4 doctor FTE = 20,000: 160,500.
	 */
	private static CentreFixture polyvalent() {
		return CentreFixture.centre("330000308", CentreType.POLYVALENT)
			.zone(Zone.ZIP)
			.staff(Profession.MEDECIN_GENERALISTE, "3")
			.staff(Profession.MEDECIN_AUTRE, "1")
			.staff(Profession.INFIRMIER, "4")
			.staff(Profession.IPA, "1")
			.staff(Profession.SAGE_FEMME, "1")
			.staff(Profession.MASSEUR_KINESITHERAPEUTE, "0.5")
			.staff(Profession.ASSISTANT_MEDICAL, "1")
			.staff(Profession.ADMINISTRATIF, "2")
			.patients(Population.MEDECIN_TRAITANT, new PopulationCounts(5_000, 600, 50, 900, 120))
			.patients(Population.FILE_ACTIVE, new PopulationCounts(7_000, 700, 60, 1_000, 150))
			.patients(Population.FILE_ACTIVE_EQUIPE, new PopulationCounts(1_800, 250, 20, 400, 60))
			// 2015 accord and avenants
			.answer("ACCES_HORAIRES", "oui")
			.answer("COORDINATION", "oui")
			.answer("SI_STANDARD", "oui")
			.answer("SI_AVANCE", "oui")
			.answer("PROTOCOLES", "10")
			.answer("CONCERTATION", "oui")
			.answer("FORMATION", "5")
			.answer("COORDINATION_EXTERNE", "oui")
			.answer("DEMARCHE_QUALITE", "3")
			.answer("MISSIONS_SANTE_PUBLIQUE", "1")
			.answer("PUBLICS_VULNERABLES", "2")
			.answer("PUBLICS_VULNERABLES_ALLER_VERS_SF", "oui")
			.answer("IMPLICATION_USAGERS", "1")
			.answer("DIVERSITE_SERVICES", "2")
			.answer("SNP_REGULATION", "1")
			.answer("CODAGE", "oui")
			.answer("TELEMEDECINE", "oui")
			.answer("CRISE_PLAN", "oui")
			.answer("CRISE_ACTIVATION", "oui")
			.answer("SAS_EFFECTION", "oui")
			.answer("IPA", "oui")
			.answer("NUMERIQUE", "oui")
			.answer("PARCOURS_IC", "oui")
			.answer("DMP", "oui")
			// 2025 accord
			.answer("HORAIRES", "3")
			.answer("SI", "oui")
			.answer("PREVENTION_N1", "oui")
			.answer("SANTE_PUBLIQUE", "1")
			.answer("COMPLEXITE", "oui")
			.answer("SANTE_ENVIRONNEMENTALE", "oui")
			.answer("QUALITE", "3");
	}

	/**
	 * The dental centre. Common lines: ACCES_HORAIRES 5,600; COORDINATION 1,000 + 1,700 × 3,000/4,000 × 1.043 = 2,329.825
	 * → 16,308.775 → 16,308.78; DEMARCHE_QUALITE level 1 → 700; MISSIONS 350 × 0.75 × 2 × 1.043 =
	 * 547.575 → 3,833.025 → 3,833.03; PUBLICS_VULNERABLES level 1 → 1,400. Then:
	 * <ul>
	 * <li>2019: SI_STANDARD 500 only (no per-professional part for dental centres before avenant 3) →
	 * 3,500; external coordination, 2 interventions (minimum 1) → 500 → 3,500: 34,841.81;
	 * <li>2020–2021: SI_STANDARD 500 + 200 × 4.8 = 1,460 → 10,220: 41,561.81;
	 * <li>2022–2023: + CRISE_PLAN 700 + NUMERIQUE 700: 42,961.81;
	 * <li>2024–2025: 2 interventions are below the new minimum of 3: external coordination not met,
	 * −3,500: 39,461.81.
	 * </ul>
	 * 2026: HORAIRES level 1 6,000; COORDINATION 7,000 + 12 × 3,000 = 43,000; SI 3,500 + 1,400 × 4.8 =
	 * 10,220; SANTE_PUBLIQUE 2 × 2,500 = 5,000; QUALITE level 1 700; no demographic aid for a dental
	 * centre although it is in a ZIP: 64,920.
	 */
	private static CentreFixture dental() {
		return CentreFixture.centre("690000302", CentreType.DENTAIRE)
			.zone(Zone.ZIP)
			.staff(Profession.CHIRURGIEN_DENTISTE, "4")
			.staff(Profession.AUTRE_PROFESSIONNEL_SANTE, "0.8")
			.staff(Profession.ADMINISTRATIF, "1")
			.patients(Population.FILE_ACTIVE, new PopulationCounts(3_000, 450, 30, 200, 40))
			.answer("ACCES_HORAIRES", "oui")
			.answer("COORDINATION", "oui")
			.answer("SI_STANDARD", "oui")
			.answer("COORDINATION_EXTERNE_DENTAIRE", "2")
			.answer("DEMARCHE_QUALITE", "1")
			.answer("MISSIONS_SANTE_PUBLIQUE", "2")
			.answer("PUBLICS_VULNERABLES", "1")
			.answer("CRISE_PLAN", "oui")
			.answer("NUMERIQUE", "oui")
			.answer("HORAIRES", "1")
			.answer("SI", "oui")
			.answer("PREVENTION_N1", "oui")
			.answer("SANTE_PUBLIQUE", "2")
			.answer("QUALITE", "1");
	}

	@ParameterizedTest(name = "{0} centre, exercice {1}: {2} €")
	@CsvSource({ "polyvalent, 2019, 88587.19", "polyvalent, 2020, 90687.19", "polyvalent, 2021, 90687.19",
			"polyvalent, 2022, 100415.88", "polyvalent, 2023, 99715.88", "polyvalent, 2024, 102340.88",
			"polyvalent, 2025, 102340.88", "polyvalent, 2026, 160500.00", "dental, 2019, 34841.81",
			"dental, 2020, 41561.81", "dental, 2021, 41561.81", "dental, 2022, 42961.81", "dental, 2023, 42961.81",
			"dental, 2024, 39461.81", "dental, 2025, 39461.81", "dental, 2026, 64920.00" })
	void theSameCentreEveryExercice(String centre, int exercice, String total) {
		CentreResult result = compute(exercice, centre.equals("dental") ? dental() : polyvalent());

		assertThat(result.socle().met()).isTrue();
		assertThat(result.totalEuros()).isEqualByComparingTo(total);
	}

	@Test
	void eachChangeAppliesFromItsExerciceAndNotTheYearBefore() {
		// avenant 3: per-professional information-system points for dental centres from 2020
		assertThat(euros(2019, dental(), "SI_STANDARD")).isEqualByComparingTo("3500.00");
		assertThat(euros(2020, dental(), "SI_STANDARD")).isEqualByComparingTo("10220.00");
		// avenant 3: new indicators from 2020
		assertThat(codes(2019, polyvalent())).doesNotContain("SNP_REGULATION", "CODAGE", "TELEMEDECINE");
		assertThat(euros(2020, polyvalent(), "TELEMEDECINE")).isEqualByComparingTo("700.00");
		// avenant 4: 140 points per protocol with an IPA from 2022
		assertThat(euros(2021, polyvalent(), "PROTOCOLES")).isEqualByComparingTo("5600.00");
		assertThat(euros(2022, polyvalent(), "PROTOCOLES")).isEqualByComparingTo("7840.00");
		assertThat(codes(2021, polyvalent())).doesNotContain("CRISE_PLAN", "CRISE_ACTIVATION", "SAS_EFFECTION",
				"IPA", "NUMERIQUE", "PARCOURS_IC");
		// avenant 5 (published 2024) deletes SAS effection from 2023: paid for 2022 only
		assertThat(euros(2022, polyvalent(), "SAS_EFFECTION")).isEqualByComparingTo("700.00");
		assertThat(codes(2023, polyvalent())).doesNotContain("SAS_EFFECTION");
		// avenant 5: 5th placement, midwife outreach, DMP, dental minimum of 3 interventions from 2024
		assertThat(euros(2023, polyvalent(), "FORMATION")).isEqualByComparingTo("6300.00");
		assertThat(euros(2024, polyvalent(), "FORMATION")).isEqualByComparingTo("7875.00");
		assertThat(codes(2023, polyvalent())).doesNotContain("PUBLICS_VULNERABLES_ALLER_VERS_SF", "DMP");
		assertThat(euros(2024, polyvalent(), "PUBLICS_VULNERABLES_ALLER_VERS_SF")).isEqualByComparingTo("350.00");
		assertThat(euros(2023, dental(), "COORDINATION_EXTERNE_DENTAIRE")).isEqualByComparingTo("3500.00");
		assertThat(line(2024, dental(), "COORDINATION_EXTERNE_DENTAIRE").verdict()).isEqualTo(Verdict.NOT_MET);
		// the 2025 accord from 2026: euros, no point value, no uplift; no demographic aid for dental centres
		CentreResult euros2026 = compute(2026, polyvalent());
		assertThat(euros2026.ruleSet().reference()).startsWith("accord-2025@");
		assertThat(euros2026.pointValueEur()).isNull();
		assertThat(euros2026.uplift()).isNull();
		assertThat(codes(2026, dental())).doesNotContain("AIDE_DEMOGRAPHIQUE");
		assertThat(codes(2025, polyvalent())).doesNotContain("AIDE_DEMOGRAPHIQUE", "FILE_ACTIVE_EQUIPE");
	}

	/**
	 * CRISE_PLAN is optional in 2022 and socle from 2023: a centre that does not declare it loses
	 * 700 € in 2022 (100,415.88 − 700 = 99,715.88) and everything in 2023.
	 */
	@Test
	void theCrisisPlanBecomesSocleIn2023() {
		CentreFixture withoutPlan = polyvalent().answer("CRISE_PLAN", "non");

		CentreResult result2022 = compute(2022, withoutPlan);
		assertThat(result2022.socle().met()).isTrue();
		assertThat(result2022.totalEuros()).isEqualByComparingTo("99715.88");
		CentreResult result2023 = compute(2023, withoutPlan);
		assertThat(result2023.socle().failed()).containsExactly("CRISE_PLAN");
		assertThat(result2023.totalEuros()).isEqualByComparingTo("0");
	}

	/** SI per professional is capped at 16 FTE in 2026: 3,500 + 1,400 × 16 = 25,900 € for 20 FTE. */
	@Test
	void theInformationSystemIsPaidForAtMostSixteenProfessionalsIn2026() {
		CentreFixture large = polyvalent().staff(Profession.INFIRMIER, "13.5");

		assertThat(euros(2026, large, "SI")).isEqualByComparingTo("25900.00");
	}

	/** The prevention socle of the 2025 accord pays nothing but gates everything. */
	@Test
	void withoutTheFirstLevelOfPreventionNothingIsPaidIn2026() {
		CentreResult result = compute(2026, polyvalent().answer("PREVENTION_N1", "non"));

		assertThat(result.socle().failed()).containsExactly("PREVENTION_N1");
		assertThat(result.totalEuros()).isEqualByComparingTo("0");
		assertThat(line(result, "COORDINATION").potentialEuros()).isEqualByComparingTo("67000.00");
	}

	/** Outside an under-served zone, no demographic aid: 160,500 − 20,000. */
	@Test
	void theDemographicAidNeedsAnUnderServedZone() {
		CentreResult result = compute(2026, polyvalent().zone(Zone.HORS_ZONE));

		assertThat(line(result, "AIDE_DEMOGRAPHIQUE").verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
		assertThat(result.totalEuros()).isEqualByComparingTo("140500.00");
	}

	private CentreResult compute(int exercice, CentreFixture centre) {
		return this.engine.compute(BUILT_IN.rulesFor(exercice, Optional.empty()), centre.inputs());
	}

	private List<String> codes(int exercice, CentreFixture centre) {
		return compute(exercice, centre).lines().stream().map(IndicatorLine::code).toList();
	}

	private IndicatorLine line(int exercice, CentreFixture centre, String code) {
		return line(compute(exercice, centre), code);
	}

	private BigDecimal euros(int exercice, CentreFixture centre, String code) {
		return line(exercice, centre, code).euros();
	}

	private static IndicatorLine line(CentreResult result, String code) {
		return result.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
	}

}
