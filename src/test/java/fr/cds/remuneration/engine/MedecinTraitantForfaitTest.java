package fr.cds.remuneration.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.extract.KnownCentres;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.extract.PatientExtract;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The médecin-traitant forfait of a médical centre from a small patient extract read as the run
 * reads it, against amounts computed by hand: FPMT in 2023 (42 € for ALD or 80 and over) and 2024
 * (46 €, avenant 5), and the FMT of 2026.
 *
 * <pre>
 * row  médecin traitant  age  ALD  C2S  not seen   FPMT category
 *  1   yes                3   no                   under 7
 *  2   yes                6   no                   under 7        (6 / 7 boundary)
 *  3   yes                7   no                   7–79
 *  4   yes               79   no                   7–79           (79 / 80 boundary)
 *  5   yes               80   no                   80 and over
 *  6   yes               95   no                   80 and over
 *  7   yes               45   yes                  ALD under 80
 *  8   yes               79   yes                  ALD under 80
 *  9   yes               80   yes                  ALD 80 and over
 * 10   yes                4   yes                  ALD under 80   (a child in ALD)
 * 11   no                85   yes                  —              (not médecin traitant)
 * 12   no                30   no                   —
 * 13   yes               50   no   yes  yes        7–79
 * 14   repeats row 5 (same patient): a duplicate, counted once
 * </pre>
 */
class MedecinTraitantForfaitTest {

	private static final RuleSetRepository RULES = RuleSetRepository.load(RuleSetRepository.BUILT_IN);

	private static final String[][] ROWS = { { "1", "3", "0", "0", "0" }, { "1", "6", "0", "0", "0" },
			{ "1", "7", "0", "0", "0" }, { "1", "79", "0", "0", "0" }, { "1", "80", "0", "0", "0" },
			{ "1", "95", "0", "0", "0" }, { "1", "45", "1", "0", "0" }, { "1", "79", "1", "0", "0" },
			{ "1", "80", "1", "0", "0" }, { "1", "4", "1", "0", "0" }, { "0", "85", "1", "0", "0" },
			{ "0", "30", "0", "0", "0" }, { "1", "50", "0", "1", "1" } };

	@TempDir
	Path work;

	private final RemunerationEngine engine = new RemunerationEngine();

	@Test
	void fpmt2023PaysFortyTwoEurosForAldOrEightyAndOver() throws IOException {
		StreamResult forfait = medecinTraitant(2023);

		assertThat(forfait.title()).isEqualTo("Forfait patientèle médecin traitant (FPMT)");
		// under 7: 2 × 6; 7–79: 3 × 5; 80+: 2 × 42; ALD under 80: 3 × 42; ALD 80+: 1 × 70 = 307 €;
		// precarity uplift (placeholder): 1 C2S patient of 11 = 9.09 % > 7 %, (1/11 − 7/100) × 0.5 =
		// 23/2200; 307 × 23/2200 = 3.2095… → 3.21 €; total 310.21 €
		assertThat(amounts(forfait)).containsExactly("MOINS_7_ANS 2 12.00", "DE_7_A_79_ANS 3 15.00",
				"AGE_80_ET_PLUS 2 84.00", "ALD_MOINS_80_ANS 3 126.00", "ALD_80_ANS_ET_PLUS 1 70.00",
				"MAJORATION_PRECARITE_MT 307.00 3.21");
		assertThat(forfait.totalEuros()).isEqualByComparingTo("310.21");
	}

	@Test
	void fpmt2024PaysFortySixEurosFromAvenantFive() throws IOException {
		StreamResult forfait = medecinTraitant(2024);

		// 80+: 2 × 46; ALD under 80: 3 × 46; ALD 80+: 1 × 74 (placeholder) = 331 €; precarity
		// 331 × 23/2200 = 3.4604… → 3.46 €; total 334.46 €
		assertThat(amounts(forfait)).containsExactly("MOINS_7_ANS 2 12.00", "DE_7_A_79_ANS 3 15.00",
				"AGE_80_ET_PLUS 2 92.00", "ALD_MOINS_80_ANS 3 138.00", "ALD_80_ANS_ET_PLUS 1 74.00",
				"MAJORATION_PRECARITE_MT 331.00 3.46");
		assertThat(forfait.totalEuros()).isEqualByComparingTo("334.46");
		assertThat(line(forfait, "ALD_MOINS_80_ANS").provenances()).singleElement()
			.satisfies(p -> assertThat(p.textId()).isEqualTo("avenant-5"));
		assertThat(line(forfait, "ALD_80_ANS_ET_PLUS").status().isProvisional()).isTrue();
		assertThat(line(forfait, "AGE_80_ET_PLUS").status().isProvisional()).isFalse();
		assertThat(forfait.notes()).singleElement().asString().startsWith("11 patients ont déclaré");
	}

	/**
	 * FMT: not seen for two years 5 € (row 13) whatever the age; under 7 15 €; 7–74 5 €; 75–79 15 €;
	 * 80+ 55 €; ALD under 80 55 €; ALD 80+ 100 €; +10 € per C2S patient (row 13).
	 */
	@Test
	void fmt2026SeparatesPatientsNotSeenAndAddsTheC2sSupplement() throws IOException {
		StreamResult forfait = medecinTraitant(2026);

		assertThat(amounts(forfait)).containsExactly("NON_VU_2_ANS 1 5.00", "MOINS_7_ANS 2 30.00",
				"DE_7_A_74_ANS 1 5.00", "DE_75_A_79_ANS 1 15.00", "AGE_80_ET_PLUS 2 110.00", "ALD_MOINS_80_ANS 3 165.00",
				"ALD_80_ANS_ET_PLUS 1 100.00", "C2S 1 10.00");
		assertThat(forfait.totalEuros()).isEqualByComparingTo("440.00");
	}

	@Test
	void theSocleOfTheForfaitDoesNotGateTheMedecinTraitantForfait() throws IOException {
		CentreResult result = this.engine.compute(RULES.rulesFor(2024, Optional.empty()),
				CentreFixture.centre("750000101", CentreType.MEDICAL).patients(aggregate()).inputs());

		assertThat(result.socle().met()).isFalse();
		assertThat(result.totalEuros()).isEqualByComparingTo("0");
		assertThat(result.stream(PaymentStream.MEDECIN_TRAITANT).orElseThrow().totalEuros())
			.isEqualByComparingTo("334.46");
		assertThat(result.grandTotalEuros()).isEqualByComparingTo("334.46");
	}

	@Test
	void typedCountsWithoutAgesDoNotComputeTheForfaitAndSaySo() {
		CentreResult result = this.engine.compute(RULES.rulesFor(2024, Optional.empty()),
				CentreFixture.centre("750000101", CentreType.MEDICAL).socle2024().inputs());

		StreamResult forfait = result.stream(PaymentStream.MEDECIN_TRAITANT).orElseThrow();
		assertThat(forfait.computed()).isFalse();
		assertThat(forfait.totalEuros()).isEqualByComparingTo("0");
		assertThat(forfait.notes()).singleElement().asString().startsWith("Forfait non calculé");
	}

	@Test
	void aDentalCentreHasNoMedecinTraitantForfait() throws IOException {
		CentreResult result = this.engine.compute(RULES.rulesFor(2024, Optional.empty()),
				CentreFixture.centre("750000101", CentreType.DENTAIRE).patients(aggregate()).inputs());

		assertThat(result.stream(PaymentStream.MEDECIN_TRAITANT)).isEmpty();
	}

	private StreamResult medecinTraitant(int exercice) throws IOException {
		ExerciceRules rules = RULES.rulesFor(exercice, Optional.empty());
		CentreResult result = this.engine.compute(rules,
				CentreFixture.centre("750000101", CentreType.MEDICAL).patients(aggregate()).inputs());
		return result.stream(PaymentStream.MEDECIN_TRAITANT).orElseThrow();
	}

	/** The extract above, folded and rid of its duplicate as the annual run does it. */
	private PatientAggregate aggregate() throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(String.join(";", InputFile.PATIENTS.columns()));
		for (int i = 0; i < ROWS.length; i++) {
			lines.add(row("PX" + (i + 1), ROWS[i]));
		}
		lines.add(row("PX5", ROWS[4]));
		Path file = this.work.resolve("patients.csv");
		Files.write(file, lines);
		List<Reject> rejects = new ArrayList<>();
		PatientExtract.Result result = PatientExtract.aggregate(file, InputEncoding.UTF_8,
				new KnownCentres(List.of("750000101")), this.work.resolve("spill"), rejects::add);
		assertThat(rejects).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("ligne en double"));
		return result.aggregates().get("750000101");
	}

	/** A row in the column order of the layout: médecin traitant, age, ALD, C2S, not seen. */
	private static String row(String id, String[] values) {
		List<String> fields = new ArrayList<>();
		for (String column : InputFile.PATIENTS.columns()) {
			fields.add(switch (column) {
				case "id_patient" -> id;
				case "finess" -> "750000101";
				case "medecin_traitant" -> values[0];
				case "age" -> values[1];
				case "ald" -> values[2];
				case "c2s" -> values[3];
				case "non_vu_2_ans" -> values[4];
				case "regime" -> "RG";
				case "contacts_medecin_generaliste" -> "1";
				default -> "0";
			});
		}
		return String.join(";", fields);
	}

	private static List<String> amounts(StreamResult stream) {
		return stream.lines()
			.stream()
			.map(l -> l.code() + " " + l.quantity().toPlainString() + " " + l.euros().toPlainString())
			.toList();
	}

	private static StreamLine line(StreamResult stream, String code) {
		return stream.lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
	}

}
