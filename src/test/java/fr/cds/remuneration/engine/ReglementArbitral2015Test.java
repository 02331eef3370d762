package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.extract.PopulationCounts;
import fr.cds.remuneration.rules.PaymentCalendar;
import fr.cds.remuneration.rules.PaymentSchedule;
import fr.cds.remuneration.rules.model.AdvanceTiming;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.ValueStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped rule set of the règlement arbitral of 23 February 2015 (NOR AFSS1505152A) against
 * the figure the arrêté and the press of 27 February 2015 publish: every criterion met with
 * 4,000 reference patients is 7,400 points × 7 € = 51,800 €. The variants are computed by hand
 * from the grid of its annex 1 (points listed in each test); the pro-rata lines were also checked
 * with exact fractions, independently of this code.
 *
 * <p>Grid: socle ACCES_HORAIRES 1,200 fixed (the 3 access criteria), PROTOCOLES 500 fixed,
 * CONCERTATION 1,000 variable, SI_STANDARD 850 fixed, SI_DOSSIERS_PARTAGES 1,500 variable;
 * optional SECOND_RECOURS 250 + 200, DIVERSITE_SERVICES 225 + 225, MISSIONS_SANTE_PUBLIQUE 350 per
 * project (2 at most), FORMATION 450, COORDINATION_EXTERNE 200 variable, SI_AVANCE 100.
 */
class ReglementArbitral2015Test {

	private static final String REFERENCE = "reglement-arbitral-2015@2026.2";

	private static final RuleSetRepository REPOSITORY = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	private static final ExerciceRules RULES_2015 = REPOSITORY.rulesFor(2015, Optional.of(REFERENCE));

	private static final ExerciceRules RULES_2016 = REPOSITORY.rulesFor(2016, Optional.of(REFERENCE));

	private final RemunerationEngine engine = new RemunerationEngine();

	/**
	 * Every criterion met, 4,000 reference patients (médecin-traitant list and children), no
	 * precarity above the national rates, contract signed before 30 September 2015.
	 */
	private static CentreFixture everyCriterionMet() {
		return CentreFixture.centre("750000101", CentreType.POLYVALENT)
			.adhesion(LocalDate.of(2015, 3, 1))
			.patients(Population.MEDECIN_TRAITANT_ENFANTS, 4_000, 200, 10)
			.patients(Population.ACTE_GENERALISTE, 5_000, 250, 10)
			.answer("ACCES_HORAIRES", "oui")
			.answer("COORDINATION", "oui")
			.answer("PROTOCOLES", "3")
			.answer("CONCERTATION", "100")
			.answer("SI_STANDARD", "oui")
			.answer("SI_DOSSIERS_PARTAGES", "100 %")
			.answer("SECOND_RECOURS", "2")
			.answer("DIVERSITE_SERVICES", "2")
			.answer("MISSIONS_SANTE_PUBLIQUE", "2")
			.answer("FORMATION", "2")
			.answer("COORDINATION_EXTERNE", "oui")
			.answer("SI_AVANCE", "oui");
	}

	@Test
	void everyCriterionMetWithFourThousandPatientsIsThePublished51800Euros() {
		CentreResult result = this.engine.compute(RULES_2015, everyCriterionMet().inputs());

		assertThat(result.socle().met()).isTrue();
		// 5 % C2S and 0.2 % AME of the GP patients: under 7.5 % and 0.4 %, no uplift
		assertThat(result.uplift().rate()).isEqualByComparingTo("0");
		assertThat(result.prorata().isFullYear()).isTrue();
		// 7,400 points × 7 €
		assertThat(result.totalEuros()).isEqualByComparingTo("51800.00");
		// the socle alone: 2,550 fixed + 2,500 variable = 5,050 points
		BigDecimal socle = result.lines()
			.stream()
			.filter(IndicatorLine::socle)
			.map(IndicatorLine::euros)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(socle).isEqualByComparingTo("35350.00");
		// every value of exercice 2015 is the text's own, except the rounding (not in the text)
		assertThat(result.lines()).allSatisfy(line -> assertThat(line.status()).isEqualTo(ValueStatus.CONFIRMED));
		assertThat(result.ruleSet().latestTextId()).isEqualTo("reglement-arbitral-2015");
	}

	@Test
	void theSameGridIsTheAnalogOfExercice2016() {
		CentreResult result = this.engine.compute(RULES_2016,
				everyCriterionMet().adhesion(LocalDate.of(2015, 3, 1)).inputs());

		assertThat(result.totalEuros()).isEqualByComparingTo("51800.00");
		assertThat(result.lines()).filteredOn(line -> line.euros().signum() > 0)
			.allSatisfy(line -> assertThat(line.status()).isEqualTo(ValueStatus.ANALOG));
	}

	@Test
	void partialAchievementPaysTheRatedCriteriaInProportion() {
		CentreResult result = this.engine.compute(RULES_2015,
				everyCriterionMet().answer("CONCERTATION", "50").answer("SI_DOSSIERS_PARTAGES", "33").inputs());

		// concertation 1,000 × 50 % = 500 points = 3,500 €; shared records 1,500 × 33 % = 495 points = 3,465 €
		assertThat(euros(result, "CONCERTATION")).isEqualByComparingTo("3500.00");
		assertThat(euros(result, "SI_DOSSIERS_PARTAGES")).isEqualByComparingTo("3465.00");
		// 7,400 − 1,000 − 1,500 + 500 + 495 = 5,895 points
		assertThat(result.totalEuros()).isEqualByComparingTo("41265.00");
	}

	@Test
	void aYesOrNoToARateIsAFullOrNoAchievementAndOneIsOnePercent() {
		CentreResult yes = this.engine.compute(RULES_2015, everyCriterionMet().answer("CONCERTATION", "oui").inputs());
		assertThat(euros(yes, "CONCERTATION")).isEqualByComparingTo("7000.00");

		// 1,000 points × 1 % × 7 €
		CentreResult one = this.engine.compute(RULES_2015, everyCriterionMet().answer("CONCERTATION", "1").inputs());
		assertThat(euros(one, "CONCERTATION")).isEqualByComparingTo("70.00");
	}

	@Test
	void aRateAbove100PercentPaysTheFullAmountAndZeroIsNotMet() {
		CentreResult above = this.engine.compute(RULES_2015, everyCriterionMet().answer("CONCERTATION", "140").inputs());
		assertThat(euros(above, "CONCERTATION")).isEqualByComparingTo("7000.00");

		CentreResult zero = this.engine.compute(RULES_2015, everyCriterionMet().answer("CONCERTATION", "0").inputs());
		assertThat(line(zero, "CONCERTATION").verdict()).isEqualTo(Verdict.NOT_MET);
		// the other team and SI criteria are met: the prerequisite of the group holds
		assertThat(zero.socle().met()).isTrue();
		assertThat(zero.totalEuros()).isEqualByComparingTo("44800.00");
	}

	@Test
	void oneTeamOrInformationSystemCriterionIsEnoughForThePrerequisiteUntil2016() {
		// only SI_STANDARD of the two other axes: 1,200 + 850 + optional 2,350 = 4,400 points
		CentreResult oneOfFour = this.engine.compute(RULES_2015, everyCriterionMet().answer("PROTOCOLES", "0")
			.answer("CONCERTATION", "non")
			.answer("SI_DOSSIERS_PARTAGES", "0")
			.inputs());
		assertThat(oneOfFour.socle().met()).isTrue();
		assertThat(oneOfFour.totalEuros()).isEqualByComparingTo("30800.00");

		CentreResult none = this.engine.compute(RULES_2015, everyCriterionMet().answer("PROTOCOLES", "0")
			.answer("CONCERTATION", "non")
			.answer("SI_STANDARD", "non")
			.answer("SI_DOSSIERS_PARTAGES", "0")
			.inputs());
		assertThat(none.socle().met()).isFalse();
		assertThat(none.socle().failed()).containsExactly("PROTOCOLES", "CONCERTATION", "SI_STANDARD",
				"SI_DOSSIERS_PARTAGES");
		assertThat(none.totalEuros()).isEqualByComparingTo("0");

		CentreResult noCoordination = this.engine.compute(RULES_2015,
				everyCriterionMet().answer("COORDINATION", "non").inputs());
		assertThat(noCoordination.socle().failed()).containsExactly("COORDINATION");
		assertThat(noCoordination.totalEuros()).isEqualByComparingTo("0");
	}

	@Test
	void precarityUpliftIsMeasuredOnTheGpPatientsAndAppliedToTheWholeAmount() {
		// GP patients: 17.5 % C2S (875 / 5,000) and 0.4 % AME: (17.5 − 7.5) + (0.4 − 0.4) = +10 %.
		// The médecin-traitant list has no C2S patient at all: measured on it there would be no uplift.
		CentreResult result = this.engine.compute(RULES_2015, everyCriterionMet()
			.patients(Population.MEDECIN_TRAITANT_ENFANTS, 4_000, 0, 0)
			.patients(Population.ACTE_GENERALISTE, 5_000, 875, 20)
			.inputs());

		assertThat(result.uplift().rate()).isEqualByComparingTo("0.10");
		// fixed parts too: 1,200 × 1.10 × 7 €
		assertThat(euros(result, "ACCES_HORAIRES")).isEqualByComparingTo("9240.00");
		// 51,800 € × 1.10
		assertThat(result.totalEuros()).isEqualByComparingTo("56980.00");
	}

	@Test
	void precarityUpliftIsCappedAt25Percent() {
		// 40 % C2S and 2 % AME of the GP patients: 32.5 + 1.6 = 34.1 %, capped at 25 %
		CentreResult result = this.engine.compute(RULES_2015,
				everyCriterionMet().patients(Population.ACTE_GENERALISTE, 5_000, 2_000, 100).inputs());

		assertThat(result.uplift().capped()).isTrue();
		// 51,800 € × 1.25
		assertThat(result.totalEuros()).isEqualByComparingTo("64750.00");
	}

	@Test
	void variablePointsFollowTheMedecinTraitantListWithChildren() {
		// 6,000 reference patients: 4,000 fixed + 3,400 × 6,000 / 4,000 = 9,100 points (linear, no cap)
		CentreResult result = this.engine.compute(RULES_2015,
				everyCriterionMet().patients(Population.MEDECIN_TRAITANT, 4_000, 0, 0)
					.patients(Population.MEDECIN_TRAITANT_ENFANTS, 6_000, 0, 0)
					.inputs());

		assertThat(result.patientBase().population()).isEqualTo(Population.MEDECIN_TRAITANT_ENFANTS);
		assertThat(result.totalEuros()).isEqualByComparingTo("63700.00");
	}

	@Test
	void aContractSignedOnOrAfter30September2015IsPaidFromItsSignature() {
		// 30 Sep – 31 Dec 2015: 93 days of 365; each line points × 7 € × 93 / 365, rounded:
		// 2,140.27 + 891.78 + 1,783.56 + 1,516.03 + 2,675.34 + 802.60 + 802.60 + 1,248.49 + 802.60
		// + 356.71 + 178.36
		CentreResult result = this.engine.compute(RULES_2015,
				everyCriterionMet().adhesion(LocalDate.of(2015, 9, 30)).inputs());

		assertThat(result.prorata().daysOpen()).isEqualTo(93);
		assertThat(euros(result, "ACCES_HORAIRES")).isEqualByComparingTo("2140.27");
		assertThat(result.totalEuros()).isEqualByComparingTo("13198.34");
	}

	@Test
	void aContractSignedBefore30September2015IsPaidTheWholeYear() {
		CentreResult result = this.engine.compute(RULES_2015,
				everyCriterionMet().adhesion(LocalDate.of(2015, 9, 29)).inputs());

		assertThat(result.prorata().isFullYear()).isTrue();
		assertThat(result.totalEuros()).isEqualByComparingTo("51800.00");
	}

	@Test
	void in2016TheProRataRunsFromTheSignatureWhateverTheOpening() {
		// signed 2 Jul 2016: 183 days of 366, half of every line; the centre opened later (1 Sep)
		// but the règlement arbitral counts from the signature
		CentreResult result = this.engine.compute(RULES_2016, everyCriterionMet().adhesion(LocalDate.of(2016, 7, 2))
			.opened(LocalDate.of(2016, 9, 1))
			.inputs());

		assertThat(result.prorata().daysOpen()).isEqualTo(183);
		assertThat(result.totalEuros()).isEqualByComparingTo("25900.00");
	}

	@Test
	void theAdvanceIsSixtyPercentOfTheSocleAt100PercentWithNoMinimum() {
		CentreResult result = this.engine.compute(RULES_2015, everyCriterionMet().inputs());
		// the rule set's own calendar, with no cds.schedule property (art. 5.4)
		PaymentSchedule.Advance rule = PaymentCalendar.advance(RULES_2015, new PaymentSchedule(null, null)).orElseThrow();
		assertThat(rule.paid()).isEqualTo(AdvanceTiming.WITH_PREVIOUS_BALANCE);
		assertThat(rule.status()).isEqualTo(ValueStatus.CONFIRMED);

		AdvanceCalculator.Computed advance = AdvanceCalculator.compute(result, rule);

		// 60 % × 5,050 points × 7 € = 60 % × 35,350 €
		assertThat(advance.amountEuros()).isEqualByComparingTo("21210.00");
		assertThat(advance.minimumApplied()).isFalse();
	}

	@Test
	void theRuleSetIsUsedOnlyWhenARunNamesIt() {
		assertThat(REPOSITORY.forExercice(2016, Optional.empty()).id()).isEqualTo("accord-2015");
		assertThat(REPOSITORY.forExercice(2016, Optional.of(REFERENCE)).id()).isEqualTo("reglement-arbitral-2015");
	}

	private static IndicatorLine line(CentreResult result, String code) {
		return result.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
	}

	private static BigDecimal euros(CentreResult result, String code) {
		return line(result, code).euros();
	}

}
