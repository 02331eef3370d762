package fr.cds.remuneration.reprocess;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.annual.RunContext;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.ledger.CentreSettler;
import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

/**
 * Re-processing of the small exercice 2024 (see AnnualPaymentJobFunctionalTest), paid under the
 * test rule set A, under version B (avenant 6: ACCES_HORAIRES 800 → 900 points, dental external
 * coordination 500 → 300 points) and version C (avenant 7: CRISE_PLAN 100 → 150 points).
 *
 * <p>Expected amounts computed independently with exact fractions (7 € per point, the polyvalent
 * centre paid 92 days of 366, each line rounded half-up once):
 * <ul>
 * <li>A: médical 25,571.71, dental 23,114.88, nursing 0 (socle missed), polyvalent 7,217.20;</li>
 * <li>B: médical 26,271.71 (+700), dental 22,414.88 (+700 − 1,400 = −700), polyvalent 7,393.16
 * (ACCES_HORAIRES 5,600 × 92/366 = 1,407.65 → 6,300 × 92/366 = 1,583.61: +175.96);</li>
 * <li>C: médical 26,621.71 (+350), dental 22,764.88 (+350), polyvalent 7,481.13 (CRISE_PLAN 175.96 →
 * 263.93: +87.97);</li>
 * <li>dispute: the médical centre's corrected extract has 10 médecin-traitant patients instead of 6
 * (still 2 C2S): uplift 2/10 − 11 % − 0.7 % = 8.3 %, COORDINATION 1,000 + 1,700 × 10/4,000 × 1.083
 * = 1,004.60275 pts = 7,032.22 € instead of 7,021.71 €: +10.51 €.</li>
 * </ul>
 * The other payment streams (médecin-traitant forfait, supplements, aids) are the same in A, B and C:
 * an avenant changes only the forfait, and the streams are regularised only when their own inputs or
 * rules change (a dispute, avenant 5's médecin-traitant amounts).
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:reprocess-functional",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2",
		"cds.reprocess.chunk-size=1" })
class ReprocessJobFunctionalTest {

	static final Path SMALL_INPUT = Path.of("src/test/resources/annual/small");

	static final String RULES = "src/test/resources/reprocess/rulesets";

	static final String A = "accord-2015@2026.1";

	static final String B = "accord-2015@2026.2";

	static final String C = "accord-2015@2026.3";

	static final String MEDICAL = "750000101";

	static final String DENTAL = "690000104";

	static final String NURSING = "130000102";

	static final String POLYVALENT = "330000100";

	@Autowired
	AnnualRunLauncher annual;

	@Autowired
	ReprocessLauncher reprocess;

	@Autowired
	JdbcTemplate jdbc;

	private LocalDate testStart;

	@MockitoSpyBean
	CentreSettler settler;

	@TempDir
	Path output;

	long annualRunId;

	@BeforeEach
	void payTheExerciceUnderRuleSetA() {
		this.testStart = LocalDate.now();
		RunTables.empty(this.jdbc);
		JobOutcome paid = this.annual.launch(new AnnualRunLauncher.Request(2024, SMALL_INPUT, this.output, RULES,
				Optional.of(A), LocalDate.of(2025, 2, 14)));
		assertThat(paid.exitCode()).as(paid.message()).isEqualTo(ExitCode.OK);
		this.annualRunId = paid.execution().getJobInstanceId();
		assertThat(ledger()).containsExactly(Map.entry(POLYVALENT, new BigDecimal("7217.20")),
				Map.entry(DENTAL, new BigDecimal("23114.88")), Map.entry(MEDICAL, new BigDecimal("25571.71")));
	}

	@Test
	void anAvenantPaysOrRecoversTheHandComputedDifferencesAndTheLedgerSumsToTheNewTotals() {
		JobOutcome outcome = reprocess(B);

		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		long runId = outcome.execution().getJobInstanceId();
		Path out = outputDirectory(outcome);
		assertThat(out).isEqualTo(this.output.resolve("2024/regularisations/R" + runId));
		assertThat(payments(out)).containsExactly(
				List.of(POLYVALENT, "2024", "FORFAIT", "REGULARISATION", "175.96", B, "avenant-6",
						"RFS-2024-330000100-REGULARISATION-R" + runId),
				List.of(DENTAL, "2024", "FORFAIT", "REGULARISATION", "-700.00", B, "avenant-6",
						"RFS-2024-690000104-REGULARISATION-R" + runId),
				List.of(MEDICAL, "2024", "FORFAIT", "REGULARISATION", "700.00", B, "avenant-6",
						"RFS-2024-750000101-REGULARISATION-R" + runId));
		assertThat(ledger()).containsExactly(Map.entry(POLYVALENT, new BigDecimal("7393.16")),
				Map.entry(DENTAL, new BigDecimal("22414.88")), Map.entry(MEDICAL, new BigDecimal("26271.71")));

		// the nursing centre's amount did not change: no statement, no line
		assertThat(statementFiles(out)).containsExactly("330000100.csv", "330000100.html", "690000104.csv",
				"690000104.html", "750000101.csv", "750000101.html");

		List<List<String>> dental = CsvFiles.rows(out.resolve("statements/690000104.csv"));
		assertThat(line(dental, "ACCES_HORAIRES").subList(2, 5)).containsExactly("5600,00", "6300,00", "700,00");
		assertThat(line(dental, "ACCES_HORAIRES").get(5)).contains("Avenant 6 publié le 15/01/2026");
		assertThat(line(dental, "COORDINATION_EXTERNE_DENTAIRE").subList(2, 5)).containsExactly("3500,00", "2100,00",
				"-1400,00");
		assertThat(line(dental, "COORDINATION").subList(2, 6)).containsExactly("7014,88", "7014,88", "0,00", "");
		assertThat(line(dental, "TOTAL").subList(2, 5)).containsExactly("23114,88", "22414,88", "-700,00");
		// a recovery states its cause, nature, amount and the payments concerned with their dates (CSS R133-9-1)
		String soldeComputedOn = computedOn("RFS-2024-690000104-SOLDE-R" + this.annualRunId);
		assertThat(dental).contains(List.of("Indu à reverser", "700,00", "référence RFS-2024-690000104-REGULARISATION-R" + runId),
				List.of("Montant réclamé", "700,00", ""),
				List.of("Versement concerné : solde", "23114,88", "référence RFS-2024-690000104-SOLDE-R" + this.annualRunId
						+ ", calculé le " + soldeComputedOn + ", calculé, non encore ordonnancé"));
		assertThat(line(dental, "Cause").get(1)).contains("Application de la version " + B, "Avenant 6",
				"22\u00A0414,88\u00A0€ au lieu des 23\u00A0114,88\u00A0€ déjà versés");
		assertThat(line(dental, "Nature").get(1)).contains("Trop-perçu", "exercice 2024");

		List<List<String>> medical = CsvFiles.rows(out.resolve("statements/750000101.csv"));
		assertThat(medical).contains(List.of("Complément à verser", "700,00",
				"référence RFS-2024-750000101-REGULARISATION-R" + runId));
		assertThat(medical.stream().map(r -> r.get(0))).doesNotContain("Montant réclamé");
		assertThat(Files.exists(out.resolve("statements/750000101.html"))).isTrue();

		List<List<String>> summary = CsvFiles.rows(out.resolve("regional-summary.csv"));
		// net by stream: only the forfait changes under version B
		assertThat(summary.get(summary.size() - 1)).containsExactly("TOTAL", "Total national", "", "4", "3", "2", "875,96",
				"1", "-700,00", "175,96", "0,00", "0,00", "0,00", "175,96");
	}

	@Test
	void theSameReprocessingTwiceIsRefusedAndAReprocessingWithNothingNewPaysNothing() {
		assertThat(reprocess(B).exitCode()).isEqualTo(ExitCode.OK);
		Map<String, BigDecimal> ledger = ledger();
		int entries = ledgerEntries();

		JobOutcome again = reprocess(B);

		assertThat(again.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED);
		assertThat(again.message()).contains("a déjà été fait par le run", "rien n'est payé deux fois");
		assertThat(ledgerEntries()).isEqualTo(entries);

		// other parameters, same rules: recomputed, but the ledger already holds these amounts
		JobOutcome medicalOnly = this.reprocess.launch(request(B, List.of(MEDICAL), Optional.empty(), Optional.empty()));
		assertThat(medicalOnly.exitCode()).as(medicalOnly.message()).isEqualTo(ExitCode.OK);
		assertThat(payments(outputDirectory(medicalOnly))).isEmpty();
		assertThat(statementFiles(outputDirectory(medicalOnly))).isEmpty();
		assertThat(ledger()).isEqualTo(ledger);
		assertThat(ledgerEntries()).isEqualTo(entries);
	}

	@Test
	void twoAvenantsInSequenceEachPayOnlyTheirOwnDifference() {
		assertThat(reprocess(B).exitCode()).isEqualTo(ExitCode.OK);

		JobOutcome second = reprocess(C);

		assertThat(second.exitCode()).as(second.message()).isEqualTo(ExitCode.OK);
		Path out = outputDirectory(second);
		assertThat(payments(out).stream().map(row -> row.get(4))).containsExactly("87.97", "350.00", "350.00");
		assertThat(ledger()).containsExactly(Map.entry(POLYVALENT, new BigDecimal("7481.13")),
				Map.entry(DENTAL, new BigDecimal("22764.88")), Map.entry(MEDICAL, new BigDecimal("26621.71")));
		// the statement compares with the result of avenant 6, on which the ledger stood
		List<List<String>> medical = CsvFiles.rows(out.resolve("statements/750000101.csv"));
		assertThat(line(medical, "CRISE_PLAN").subList(2, 5)).containsExactly("700,00", "1050,00", "350,00");
		assertThat(line(medical, "CRISE_PLAN").get(5)).contains("Avenant 7 publié le 01/06/2026");
		assertThat(line(medical, "ACCES_HORAIRES").subList(2, 5)).containsExactly("6300,00", "6300,00", "0,00");
		assertThat(medical).contains(List.of("Déjà versé : régularisation", "700,00",
				"référence RFS-2024-750000101-REGULARISATION-R" + (second.execution().getJobInstanceId() - 1)
						+ ", calculé le " + computedOn("RFS-2024-750000101-REGULARISATION-R"
								+ (second.execution().getJobInstanceId() - 1))
						+ ", calculé, non encore ordonnancé"));
	}

	@Test
	void aRestartAfterAForcedFailureInTheMiddleGivesTheSameLedgerAsAnUninterruptedRun() {
		// the dental centre's regularisation fails once, after the polyvalent centre's was committed
		doThrow(new IllegalStateException("forced failure in the middle of the re-processing")).doCallRealMethod()
			.when(this.settler)
			.settle(anyLong(), anyString(), eq(PaymentKind.REGULARISATION), argThat(c -> c != null && DENTAL.equals(c.finess())),
					any(), any());

		JobOutcome failed = reprocess(B);

		assertThat(failed.exitCode()).isEqualTo(ExitCode.FAILED);
		assertThat(failed.message()).contains("forced failure");
		assertThat(ledger()).containsEntry(POLYVALENT, new BigDecimal("7393.16"))
			.containsEntry(DENTAL, new BigDecimal("23114.88"))
			.containsEntry(MEDICAL, new BigDecimal("25571.71"));

		JobOutcome restarted = reprocess(B);

		assertThat(restarted.exitCode()).as(restarted.message()).isEqualTo(ExitCode.OK);
		assertThat(restarted.execution().getJobInstanceId()).isEqualTo(failed.execution().getJobInstanceId());
		assertThat(ledger()).containsExactly(Map.entry(POLYVALENT, new BigDecimal("7393.16")),
				Map.entry(DENTAL, new BigDecimal("22414.88")), Map.entry(MEDICAL, new BigDecimal("26271.71")));
		assertThat(this.jdbc.queryForList("SELECT REFERENCE FROM PAYMENT_LEDGER WHERE KIND = 'REGULARISATION' ORDER BY REFERENCE",
				String.class)).hasSize(3).doesNotHaveDuplicates();
		assertThat(payments(outputDirectory(restarted)).stream().map(row -> row.get(4))).containsExactly("175.96",
				"-700.00", "700.00");
	}

	@Test
	void aDisputeWithACorrectedPatientCountChangesOnlyThatCentreAndLaterReprocessingsKeepTheCorrection() {
		JobOutcome dispute = this.reprocess.launch(request(A, List.of(MEDICAL),
				Optional.of(Path.of("src/test/resources/reprocess/dispute-750000101")), Optional.of(LocalDate.of(2025, 6, 2))));

		assertThat(dispute.exitCode()).as(dispute.message()).isEqualTo(ExitCode.OK);
		Path out = outputDirectory(dispute);
		// and its corrected extract has 4 more médecin-traitant patients aged 50: FPMT + 4 × 5 € = +20 €
		assertThat(payments(out)).extracting(row -> row.get(0) + " " + row.get(2) + " " + row.get(4))
			.containsExactly(MEDICAL + " FORFAIT 10.51", MEDICAL + " MEDECIN_TRAITANT 20.00");
		assertThat(ledger()).containsExactly(Map.entry(POLYVALENT, new BigDecimal("7217.20")),
				Map.entry(DENTAL, new BigDecimal("23114.88")), Map.entry(MEDICAL, new BigDecimal("25582.22")));
		// the corrected inputs are stored next to the annual ones, which stay as they were
		long disputeRun = dispute.execution().getJobInstanceId();
		assertThat(this.jdbc.queryForList("SELECT FINESS FROM RUN_CENTRE WHERE RUN_ID = ?", String.class, disputeRun))
			.containsExactly(MEDICAL);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_CENTRE WHERE RUN_ID = ?", Integer.class,
				this.annualRunId)).isEqualTo(4);
		List<List<String>> statement = CsvFiles.rows(out.resolve("statements/750000101.csv"));
		assertThat(line(statement, "COORDINATION").get(5)).contains("patients 6 → 10 (données corrigées)");
		assertThat(line(statement, "Motif de la régularisation").get(1))
			.isEqualTo("Réclamation : données du centre corrigées (extraction des données patients du 02/06/2025)");
		assertThat(line(statement, "Extraction des données patients").get(1))
			.isEqualTo("02/06/2025 (précédemment : extraction du 14/02/2025)");

		// an avenant afterwards recomputes the médical centre from its corrected inputs: +700 € on 25,582.22 €
		assertThat(reprocess(B).exitCode()).isEqualTo(ExitCode.OK);
		assertThat(ledger()).containsEntry(MEDICAL, new BigDecimal("26282.22"))
			.containsEntry(DENTAL, new BigDecimal("22414.88"))
			.containsEntry(POLYVALENT, new BigDecimal("7393.16"));
	}

	/**
	 * The médecin-traitant forfait of 2024 paid at 42 € (ALD or 80 and over) and 70 € (ALD and 80
	 * and over), as before avenant 5's amounts were loaded, then re-processed at 46 € and 74 € from
	 * the frozen extract: the médical centre has one patient aged 52 in ALD and one aged 81 in ALD
	 * (+4 € each), the polyvalent centre one aged 59 in ALD (+4 €). Nothing else changes.
	 */
	@Test
	void theAvenantFiveRaiseOfTheMedecinTraitantForfaitIsRegularisedFromTheFrozenExtract() throws IOException {
		RunTables.empty(this.jdbc);
		Path rules = Files.createDirectories(this.output.resolve("rules"));
		String current = Files.readString(Path.of(RULES, "accord-2015-A.yaml"));
		Files.writeString(rules.resolve("accord-2015-A.yaml"), current);
		String before = current.replace("version: \"2026.1\"", "version: \"2025.1\"");
		for (String[] amounts : new String[][] { { "42", "46" }, { "70", "74" } }) {
			String raised = "{from: 2018, to: 2023, euros: " + amounts[0] + ",";
			assertThat(before).contains(raised);
			before = before.replaceAll("\\{from: 2018, to: 2023, euros: " + amounts[0]
					+ ",( status: confirmed, source: PRESS-FPMT-2018, text: avenant-1\\})\\n\\s*- \\{from: 2024, euros: "
					+ amounts[1] + ",[^}]*\\}", "{from: 2018, euros: " + amounts[0] + ",$1");
			assertThat(before).doesNotContain(raised);
		}
		Files.writeString(rules.resolve("accord-2015-before-av5.yaml"), before);
		// outputs apart from those of the run of the other tests, which this one replaces
		Path output = this.output.resolve("before-av5");
		JobOutcome paid = this.annual.launch(new AnnualRunLauncher.Request(2024, SMALL_INPUT, output,
				rules.toString(), Optional.of("accord-2015@2025.1"), LocalDate.of(2025, 2, 14)));
		assertThat(paid.exitCode()).as(paid.message()).isEqualTo(ExitCode.OK);
		// 6 + 3 × 5 + 42 + 70 and 2 × 5 + 6 + 42 (rule set A, this test's copy of accord-2015@2026.1, has no
		// precarity uplift of the médecin-traitant forfait: that came with the built-in 2026.2)
		assertThat(ledger("MEDECIN_TRAITANT")).containsExactly(Map.entry(POLYVALENT, new BigDecimal("58.00")),
				Map.entry(MEDICAL, new BigDecimal("133.00")));

		JobOutcome outcome = this.reprocess.launch(new ReprocessLauncher.Request(2024, Optional.of(A), rules.toString(),
				List.of(), Optional.empty(), Optional.empty(), output, Optional.empty()));

		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		long runId = outcome.execution().getJobInstanceId();
		Path out = outputDirectory(outcome);
		assertThat(payments(out)).containsExactly(
				List.of(POLYVALENT, "2024", "MEDECIN_TRAITANT", "REGULARISATION", "4.00", A, "avenant-5",
						"FMT-2024-330000100-REGULARISATION-R" + runId),
				List.of(MEDICAL, "2024", "MEDECIN_TRAITANT", "REGULARISATION", "8.00", A, "avenant-5",
						"FMT-2024-750000101-REGULARISATION-R" + runId));
		assertThat(ledger("MEDECIN_TRAITANT")).containsExactly(Map.entry(POLYVALENT, new BigDecimal("62.00")),
				Map.entry(MEDICAL, new BigDecimal("141.00")));
		assertThat(ledger()).containsExactly(Map.entry(POLYVALENT, new BigDecimal("7217.20")),
				Map.entry(DENTAL, new BigDecimal("23114.88")), Map.entry(MEDICAL, new BigDecimal("25571.71")));

		List<List<String>> medical = CsvFiles.rows(out.resolve("statements/750000101.csv"));
		assertThat(medical).contains(List.of("Régularisation : rien à verser ni à reverser", "0,00", ""),
				List.of("Complément à verser", "8,00", "référence FMT-2024-750000101-REGULARISATION-R" + runId));
		assertThat(line(medical, "ALD_MOINS_80_ANS").subList(2, 5)).containsExactly("42,00", "46,00", "4,00");
		assertThat(line(medical, "ALD_MOINS_80_ANS").get(5)).contains("Avenant 5 publié le 15/03/2024");
		assertThat(line(medical, "ALD_80_ANS_ET_PLUS").subList(2, 5)).containsExactly("70,00", "74,00", "4,00");
		assertThat(line(medical, "DE_7_A_79_ANS").subList(2, 6)).containsExactly("15,00", "15,00", "0,00", "");
		assertThat(medical).contains(List.of("TOTAL", "Total — Forfait patientèle médecin traitant (FPMT)", "133,00",
				"141,00", "8,00", "", ""));

		// the next re-processing compares with this one's result, the latest the centre's ledger stands
		// on, though this one changed only the médecin-traitant stream: 46 € before, not 42 €
		Path raise = Files.createDirectories(this.output.resolve("rules-raise"));
		Files.writeString(raise.resolve("accord-2015-raise.yaml"), current.replace("version: \"2026.1\"",
				"version: \"2027.1\"").replace("{from: 2024, euros: 46,", "{from: 2024, euros: 50,"));
		JobOutcome raised = this.reprocess.launch(new ReprocessLauncher.Request(2024, Optional.of("accord-2015@2027.1"),
				raise.toString(), List.of(), Optional.empty(), Optional.empty(), output, Optional.empty()));
		assertThat(raised.exitCode()).as(raised.message()).isEqualTo(ExitCode.OK);
		List<List<String>> again = CsvFiles.rows(outputDirectory(raised).resolve("statements/750000101.csv"));
		assertThat(line(again, "ALD_MOINS_80_ANS").subList(2, 5)).containsExactly("46,00", "50,00", "4,00");
	}

	@Test
	void correctedInputsMustCoverExactlyTheNamedCentresAndCarryTheirExtractionDate() {
		int entries = ledgerEntries();
		JobOutcome wrongCentre = this.reprocess.launch(request(A, List.of(MEDICAL),
				Optional.of(Path.of("src/test/resources/reprocess/dispute-wrong-centre")),
				Optional.of(LocalDate.of(2025, 6, 2))));

		assertThat(wrongCentre.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(wrongCentre.message()).contains("non désignés : [690000104]", "Rien n'a été calculé ni payé");
		assertThat(ledgerEntries()).isEqualTo(entries);

		JobOutcome noDate = this.reprocess.launch(request(A, List.of(MEDICAL),
				Optional.of(Path.of("src/test/resources/reprocess/dispute-750000101")), Optional.empty()));
		assertThat(noDate.exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(noDate.message()).contains("--extraction-date");
	}

	@Test
	void anExerciceWithoutACompletedAnnualRunHasNothingToReprocess() {
		JobOutcome outcome = this.reprocess.launch(new ReprocessLauncher.Request(2023, Optional.of(B), RULES,
				List.of(), Optional.empty(), Optional.empty(), this.output, Optional.empty()));

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(outcome.message()).contains("n'a pas de run annuel terminé");
	}

	private JobOutcome reprocess(String ruleSet) {
		return this.reprocess.launch(request(ruleSet, List.of(), Optional.empty(), Optional.empty()));
	}

	private ReprocessLauncher.Request request(String ruleSet, List<String> centres, Optional<Path> corrected,
			Optional<LocalDate> extractionDate) {
		return new ReprocessLauncher.Request(2024, Optional.of(ruleSet), RULES, centres, corrected, extractionDate,
				this.output, Optional.empty());
	}

	/**
	 * The date the ledger recorded for a payment, checked to lie between the test's start and now, so
	 * that a test running across midnight expects the date the payment was really computed on.
	 */
	private String computedOn(String reference) {
		LocalDate computed = this.jdbc.queryForObject("SELECT COMPUTED_ON FROM PAYMENT_LEDGER WHERE REFERENCE = ?",
				LocalDate.class, reference);
		assertThat(computed).as("computation date of " + reference).isBetween(this.testStart, LocalDate.now());
		return CsvFiles.frenchDate(computed);
	}

	/** Net amount of the forfait per centre in the ledger, in FINESS order. */
	private Map<String, BigDecimal> ledger() {
		return ledger("FORFAIT");
	}

	/** Net amount of a payment stream per centre in the ledger, in FINESS order. */
	private Map<String, BigDecimal> ledger(String stream) {
		Map<String, BigDecimal> net = new TreeMap<>();
		this.jdbc.query("SELECT FINESS, SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER WHERE EXERCICE = 2024 AND STREAM = ?"
				+ " GROUP BY FINESS", rs -> {
					net.put(rs.getString(1), rs.getBigDecimal(2));
				}, stream);
		return net;
	}

	private int ledgerEntries() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM PAYMENT_LEDGER", Integer.class);
	}

	private static Path outputDirectory(JobOutcome outcome) {
		return Path.of(outcome.execution().getExecutionContext().getString(RunContext.OUTPUT_DIRECTORY));
	}

	/** The payment lines, without the header. */
	private static List<List<String>> payments(Path directory) {
		List<List<String>> rows = CsvFiles.rows(directory.resolve("payments.csv"));
		return rows.subList(1, rows.size());
	}

	private static List<String> statementFiles(Path directory) {
		Path statements = directory.resolve("statements");
		if (!Files.isDirectory(statements)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(statements)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static List<String> line(List<List<String>> rows, String first) {
		return rows.stream().filter(r -> r.get(0).equals(first)).findFirst().orElseThrow(() -> new AssertionError(first));
	}

}
