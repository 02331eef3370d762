package fr.cds.remuneration.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.extract.MedecinTraitantProfile;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22 §3 on the shipped rules of 2024, against amounts computed by hand: the assistant aid
 * maintained beyond its 3rd contract year only at or above the national 95th percentile of
 * médecin-traitant patients per doctor FTE (nearest rank), the IPA training aid in metropolitan
 * France and in the DROM, the territorial solidarity contract (CST) and the nursing supplement's
 * parts per indicator.
 */
class Issue22AidsTest {

	private static final RuleSetRepository RULES = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	private static final ExerciceRules Y2024 = RULES.rulesFor(2024, Optional.empty());

	private final RemunerationEngine engine = new RemunerationEngine();

	// ------------------------------------------------------------------ the percentile

	/** Nearest rank: the value of rank ⌈P/100 × N⌉ of the sorted values. */
	@Test
	void nearestRankOnAHandMadeDistributionWithTies() {
		List<BigDecimal> values = decimals(50, 10, 20, 20, 30, 40, 50, 50, 60, 100);
		// N = 10: P95 → rank ⌈9.5⌉ = 10 → 100; P90 → rank 9 → 60; P75 → rank ⌈7.5⌉ = 8 → 50 (ranks 6–8 tie
		// at 50); P50 → rank 5 → 40; P1 → rank ⌈0.1⌉ = 1 → 10; P100 → rank 10 → 100
		assertThat(PeerThresholds.nearestRank(values, new BigDecimal("95"))).isEqualByComparingTo("100");
		assertThat(PeerThresholds.nearestRank(values, new BigDecimal("90"))).isEqualByComparingTo("60");
		assertThat(PeerThresholds.nearestRank(values, new BigDecimal("75"))).isEqualByComparingTo("50");
		assertThat(PeerThresholds.nearestRank(values, new BigDecimal("50"))).isEqualByComparingTo("40");
		assertThat(PeerThresholds.nearestRank(values, new BigDecimal("1"))).isEqualByComparingTo("10");
		assertThat(PeerThresholds.nearestRank(values, new BigDecimal("100"))).isEqualByComparingTo("100");
		// N = 20: 0.95 × 20 = 19 exactly, rank 19 (not 20)
		List<BigDecimal> twenty = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			twenty.add(BigDecimal.valueOf(i));
		}
		assertThat(PeerThresholds.nearestRank(twenty, new BigDecimal("95"))).isEqualByComparingTo("19");
		assertThat(PeerThresholds.nearestRank(List.of(), new BigDecimal("95"))).isNull();
	}

	/**
	 * Twenty médical centres with 1 doctor FTE and 100, 200, …, 2,000 médecin-traitant patients: P95
	 * is rank 19, 1,900 patients per FTE. A dental centre (no assistant aid) and a médical centre
	 * without doctor FTE have no place in the distribution.
	 */
	@Test
	void theRunsThresholdIsTheNearestRankOverTheCentresTheAidAppliesTo() {
		List<CentreInputs> centres = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			centres.add(medical(Finess.withKey(String.format("7500%04d", i)).value(), "1", 100L * i));
		}
		centres.add(CentreFixture.centre(Finess.withKey("75009999").value(), CentreType.DENTAIRE)
			.staff(Profession.MEDECIN_GENERALISTE, "1")
			.patients(medecinTraitant(90_000))
			.inputs());
		centres.add(medical(Finess.withKey("75009998").value(), "0", 90_000));

		PeerThresholds.Threshold threshold = PeerThresholds.compute(Y2024, centres).of("ASSISTANT_MEDICAL").orElseThrow();

		assertThat(threshold.centres()).isEqualTo(20);
		assertThat(threshold.value()).isEqualByComparingTo("1900");
	}

	/**
	 * Assistant contract of 0.5 FTE from 1 January 2020: 2024 is its 5th year (366 days of 366), paid
	 * 21,000 × 0.5 = 10,500.00 € when maintained. The centre has 3,800 médecin-traitant patients and 2
	 * doctor FTE: 1,900 per FTE.
	 */
	@Test
	void aCentreExactlyAtTheThresholdKeepsItsAidAndOneBelowLosesIt() {
		CentreInputs centre = assistantCentre("2020-01-01");

		StreamLine at = aid(centre.withThresholds(threshold("1900")));
		assertThat(at.euros()).isEqualByComparingTo("10500.00");
		assertThat(plain(at.note())).contains("centre 1 900 ≥ seuil P95 = 1 900 sur 20 centres du calcul : aide maintenue");

		StreamLine below = aid(centre.withThresholds(threshold("1900.0001")));
		assertThat(below.euros()).isEqualByComparingTo("0.00");
		assertThat(plain(below.note())).contains("centre 1 900 < seuil").endsWith("aide non maintenue");
		assertThat(below.formula()).contains("année 5 du contrat, 366 j sur 366 : aide non maintenue");
		assertThat(below.status().isProvisional()).isTrue();
	}

	/** Without the run's distribution (simulate, calculette) the later years are not paid, and the line says why. */
	@Test
	void withoutTheRunsDistributionTheLaterYearsAreNotEstimated() {
		StreamLine alone = aid(assistantCentre("2020-01-01"));

		assertThat(alone.euros()).isEqualByComparingTo("0.00");
		assertThat(alone.note()).contains("seuil national inconnu hors du calcul annuel");
	}

	/**
	 * A contract from 1 July 2021, below the threshold: 2024 holds 182 days of its 3rd year (1 July 2023
	 * – 30 June 2024, 366 days), paid, and 184 days of its 4th, not: 21,000 × 0.5 × 182 / 366 =
	 * 5,221.311… → 5,221.31 €. A contract in its 3rd year is paid whatever the threshold.
	 */
	@Test
	void onlyTheYearsAfterTheThirdDependOnTheThreshold() {
		assertThat(aid(assistantCentre("2021-07-01").withThresholds(threshold("5000"))).euros())
			.isEqualByComparingTo("5221.31");
		StreamLine third = aid(assistantCentre("2022-01-01").withThresholds(threshold("5000")));
		assertThat(third.euros()).isEqualByComparingTo("10500.00");
		assertThat(third.note()).doesNotContain("maintien");
	}

	// ------------------------------------------------------- IPA training, metro and DROM

	/**
	 * IPA training contract of 1 FTE from 1 January 2024, year 1 whole: 7,500.00 € in Paris, 8,500.00 €
	 * in La Réunion (the sample centre of département 974, read from input-samples/centres.csv).
	 */
	@Test
	void theIpaTrainingAidPaysMoreInTheDrom() throws IOException {
		String reunion = Files.readAllLines(Path.of("input-samples/centres.csv"))
			.stream()
			.map(line -> line.split(";"))
			.filter(cells -> cells[3].equals("974") && cells[2].equals("medical"))
			.map(cells -> cells[0])
			.findFirst()
			.orElseThrow();

		StreamLine paris = onlyAid(CentreFixture.centre("750000101", CentreType.MEDICAL)
			.contract("FIPA-1", "FORMATION_IPA", "2024-01-01", null, "1", Zone.HORS_ZONE));
		StreamLine drom = onlyAid(CentreFixture.centre(reunion, CentreType.MEDICAL)
			.contract("FIPA-1", "FORMATION_IPA", "2024-01-01", null, "1", Zone.HORS_ZONE));

		assertThat(paris.code()).isEqualTo("AIDE_FORMATION_IPA");
		assertThat(paris.euros()).isEqualByComparingTo("7500.00");
		assertThat(drom.code()).isEqualTo("AIDE_FORMATION_IPA_DROM");
		assertThat(drom.euros()).isEqualByComparingTo("8500.00");
	}

	// ------------------------------------------------------------------------------ CST

	/**
	 * CST of 2 doctor FTE working in a ZIP from 1 January 2024, for a centre outside a ZIP: 500 € × 2
	 * = 1,000.00 €; the same contract of a centre in a ZIP is not a CST's.
	 */
	@Test
	void theSolidarityContractPaysCentresOutsideAZip() {
		StreamLine outside = onlyAid(CentreFixture.centre("750000101", CentreType.MEDICAL)
			.contract("CST-1", "CST", "2024-01-01", null, "2", Zone.ZIP));
		StreamLine inside = onlyAid(CentreFixture.centre("750000101", CentreType.MEDICAL)
			.zone(Zone.ZIP)
			.contract("CST-1", "CST", "2024-01-01", null, "2", Zone.ZIP));

		assertThat(outside.code()).isEqualTo("AIDE_SOLIDARITE_TERRITORIALE");
		assertThat(outside.euros()).isEqualByComparingTo("1000.00");
		assertThat(inside.euros()).isEqualByComparingTo("0.00");
		assertThat(inside.note()).startsWith("aide réservée aux centres situés en").endsWith("(le centre est en ZIP)");
	}

	// ------------------------------------------------------------ the nursing supplement

	/**
	 * Polyvalent centre, 6 GP FTE and 5 nurse FTE (5 ≥ 3 and ≥ 4): 300 fixed points, then per nurse
	 * FTE 20 (access), 15 (coordination), 15 (information system), 10 (protocols) for each indicator
	 * met; × 7 €. All four: (300 + 60 × 5) × 7 = 4,200.00 €; no protocol: (300 + 50 × 5) × 7 =
	 * 3,850.00 €; no information system either: (300 + 35 × 5) × 7 = 3,325.00 €.
	 */
	@Test
	void theNursingSupplementPaysPerIndicatorMet() {
		assertThat(nursingSupplement("2", "oui")).isEqualByComparingTo("4200.00");
		assertThat(nursingSupplement("0", "oui")).isEqualByComparingTo("3850.00");
		assertThat(nursingSupplement("0", "non")).isEqualByComparingTo("3325.00");
	}

	// ---------------------------------------------------------------------------- helpers

	private BigDecimal nursingSupplement(String protocols, String informationSystem) {
		CentreResult result = this.engine.compute(Y2024, CentreFixture.centre("750000101", CentreType.POLYVALENT)
			.staff(Profession.MEDECIN_GENERALISTE, "6")
			.staff(Profession.INFIRMIER, "5")
			.answer("ACCES_HORAIRES", "oui")
			.answer("COORDINATION", "oui")
			.answer("SI_STANDARD", informationSystem)
			.answer("PROTOCOLES", protocols)
			.inputs());
		return result.lines()
			.stream()
			.filter(l -> l.code().equals("SUPPLEMENT_INFIRMIER"))
			.findFirst()
			.orElseThrow()
			.potentialEuros();
	}

	private static CentreInputs medical(String finess, String doctorFte, long patients) {
		return CentreFixture.centre(finess, CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, doctorFte)
			.patients(medecinTraitant(patients))
			.inputs();
	}

	private static CentreInputs assistantCentre(String start) {
		return CentreFixture.centre("750000101", CentreType.MEDICAL)
			.staff(Profession.MEDECIN_GENERALISTE, "2")
			.patients(medecinTraitant(3800))
			.contract("AM-1", "ASSISTANT_MEDICAL", start, null, "0.5", Zone.HORS_ZONE)
			.inputs();
	}

	/** {@code patients} médecin-traitant patients aged 50, in no category of note. */
	private static PatientAggregate medecinTraitant(long patients) {
		return new PatientAggregate(patients, Map.of(), Map.of(),
				new MedecinTraitantProfile(Map.of(MedecinTraitantProfile.kind(50, false, false, false), patients)));
	}

	private static PeerThresholds threshold(String value) {
		var rule = Y2024.payments()
			.contractAids()
			.stream()
			.filter(a -> a.rule().code().equals("ASSISTANT_MEDICAL"))
			.findFirst()
			.orElseThrow()
			.maintenance()
			.orElseThrow()
			.value();
		return new PeerThresholds(Map.of("ASSISTANT_MEDICAL",
				new PeerThresholds.Threshold("ASSISTANT_MEDICAL", rule, 20, new BigDecimal(value))));
	}

	private StreamLine aid(CentreInputs inputs) {
		return this.engine.compute(Y2024, inputs).stream(PaymentStream.AIDES_CONTRAT).orElseThrow().lines().get(0);
	}

	private StreamLine onlyAid(CentreFixture centre) {
		List<StreamLine> lines = this.engine.compute(Y2024, centre.inputs())
			.stream(PaymentStream.AIDES_CONTRAT)
			.orElseThrow()
			.lines();
		assertThat(lines).hasSize(1);
		return lines.get(0);
	}

	/** Spaces as typed: the French number format groups thousands with a non-breaking space. */
	private static String plain(String text) {
		return text.replaceAll("[\\u00A0\\u202F]", " ");
	}

	private static List<BigDecimal> decimals(int... values) {
		return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
	}

}
