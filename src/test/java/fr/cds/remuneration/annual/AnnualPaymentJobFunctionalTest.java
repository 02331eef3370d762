package fr.cds.remuneration.annual;

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

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.advance.AdvanceLauncher;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.ledger.PaymentStatus;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole annual job on a small input whose amounts were computed by hand (see
 * RemunerationEngineTest for the same formulas): a médical, a dental, a nursing centre that
 * misses its socle and a polyvalent centre opened on 1 October 2024 (92 days of 366).
 *
 * <p>The other payments, by hand (and with exact fractions for the aids):
 * <ul>
 * <li>médecin-traitant forfait (FPMT 2024): médical, patients aged 45, 33, 67 (3 × 5 €), 4 (6 €), 52 in
 * ALD (46 €), 81 in ALD (74 €) = 141 €; polyvalent, aged 36 and 45 (2 × 5 €), 2 (6 €), 59 in ALD
 * (46 €) = 62 €; dental and nursing centres have none;</li>
 * <li>per-act supplements: the médical centre declares 120 SAS acts, under its cap of 20 × 4 doctor
 * FTE × 366 / 7 = 4,182: 120 × 15 € = 1,800 €;</li>
 * <li>contract aids: the médical centre's assistant (1 FTE from 1 July 2023) is in year 1 for 182
 * days of 366 and in year 2 for 184 days of 365: 36,000 × 182/366 + 27,000 × 184/365 = 31,512.60 €;
 * the polyvalent centre's IPA (1 FTE from 1 January 2024, outside a ZIP: 13,500 € a year) is paid
 * from its opening, 92 days of 366: 3,393.44 €.</li>
 * </ul>
 * By stream: forfait 55,903.79 €, médecin traitant 221.57 € (203 € + a precarity uplift of 18.57 €), supplements 1,800 €, aids 34,906.04 €;
 * 92,812.83 € in all.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:annual-functional",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
@SpringBatchTest
class AnnualPaymentJobFunctionalTest {

	static final Path SMALL_INPUT = Path.of("src/test/resources/annual/small");

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	Job annualPaymentJob;

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PaymentLedger ledger;

	@Autowired
	AdvanceLauncher advances;

	@TempDir
	Path output;

	@BeforeEach
	void emptyRepository() {
		// two jobs in the context: say which one the test utilities launch
		this.jobOperatorTestUtils.setJob(this.annualPaymentJob);
		RunTables.empty(this.jdbc);
	}

	private JobParameters parameters() {
		return new AnnualRun(2024, "accord-2015@2026.2", AnnualRunLauncher.inputChecksum(SMALL_INPUT), SMALL_INPUT,
				this.output, RuleSetRepository.BUILT_IN, LocalDate.of(2025, 2, 14), false)
			.toJobParameters();
	}

	@Test
	void computesEveryCentreAsByHandAndTheOutputsAddUpToTheCent() throws Exception {
		JobExecution execution = this.jobOperatorTestUtils.startJob(parameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Path out = this.output.resolve("2024");
		Path statements = out.resolve("statements");
		assertThat(CsvFiles.statementTotal(statements.resolve("750000101.csv"))).isEqualByComparingTo("25571.71");
		assertThat(CsvFiles.statementTotal(statements.resolve("690000104.csv"))).isEqualByComparingTo("23114.88");
		assertThat(CsvFiles.statementTotal(statements.resolve("130000102.csv"))).isEqualByComparingTo("0.00");
		assertThat(CsvFiles.statementTotal(statements.resolve("330000100.csv"))).isEqualByComparingTo("7217.20");
		assertThat(Files.readString(statements.resolve("750000101.html"))).contains("Les points sont affichés");
		assertThat(Files.readString(out.resolve("summary.html")))
			.contains("dernier texte applicable : Avenant 5 (publié le 15/03/2024).");

		// per stream: the statements' sections, the regional summary's columns and the payment file's lines
		Map<String, BigDecimal> statementsByStream = new TreeMap<>();
		BigDecimal statementsTotal = BigDecimal.ZERO;
		try (Stream<Path> files = Files.list(statements)) {
			for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
				BigDecimal sections = BigDecimal.ZERO;
				for (CsvFiles.Section section : CsvFiles.sections(csv)) {
					assertThat(section.linesSum()).as(csv + " " + section.title()).isEqualByComparingTo(section.total());
					statementsByStream.merge(STREAMS.get(section.title()), section.total(), BigDecimal::add);
					sections = sections.add(section.total());
				}
				assertThat(CsvFiles.grandTotal(csv)).isEqualByComparingTo(sections);
				statementsTotal = statementsTotal.add(CsvFiles.grandTotal(csv));
			}
		}
		// médecin traitant: 141 € + 62 € of categories, and the precarity uplift of 750000101 (issue 22
		// §3, placeholder): 2 C2S of its 6 médecin-traitant patients, (2 − 0.07 × 6) × 0.5 / 6 = 0.79/6;
		// 141 × 0.79 / 6 = 18.565 → 18.57 €; 330000100 has no C2S patient: no uplift
		assertThat(statementsByStream).containsExactly(Map.entry("AIDES_CONTRAT", new BigDecimal("34906.04")),
				Map.entry("FORFAIT", new BigDecimal("55903.79")), Map.entry("MEDECIN_TRAITANT", new BigDecimal("221.57")),
				Map.entry("SUPPLEMENTS_ACTES", new BigDecimal("1800.00")));
		assertThat(statementsTotal).isEqualByComparingTo("92831.40");
		assertThat(CsvFiles.grandTotal(statements.resolve("750000101.csv"))).isEqualByComparingTo("59043.88");
		assertThat(CsvFiles.grandTotal(statements.resolve("330000100.csv"))).isEqualByComparingTo("10672.64");

		List<List<String>> summary = CsvFiles.rows(out.resolve("regional-summary.csv"));
		List<String> header = summary.get(0);
		List<String> national = summary.get(summary.size() - 1);
		assertThat(national.get(0)).isEqualTo("TOTAL");
		Map<String, String> columns = Map.of("FORFAIT", "forfait_eur", "MEDECIN_TRAITANT", "medecin_traitant_eur",
				"SUPPLEMENTS_ACTES", "supplements_actes_eur", "AIDES_CONTRAT", "aides_contrat_eur");
		statementsByStream.forEach((stream, total) -> {
			int column = header.indexOf(columns.get(stream));
			assertThat(CsvFiles.frenchNumber(national.get(column))).as(stream).isEqualByComparingTo(total);
			assertThat(summary.subList(1, summary.size() - 1)
				.stream()
				.map(row -> CsvFiles.frenchNumber(row.get(column)))
				.reduce(BigDecimal.ZERO, BigDecimal::add)).as(stream).isEqualByComparingTo(total);
		});
		assertThat(CsvFiles.frenchNumber(national.get(header.indexOf("total_eur")))).isEqualByComparingTo(statementsTotal);
		assertThat(national.subList(3, 6)).containsExactly("4", "3", "1");
		// 55,903.79 € over the 3 centres paid the forfait
		assertThat(national.get(header.indexOf("moyenne_forfait_eur_par_centre_paye"))).isEqualTo("18634,60");
		assertThat(summary).allSatisfy(row -> assertThat(row.get(header.indexOf("dernier_texte")))
			.isIn("dernier_texte", "Avenant 5 (publié le 15/03/2024)"));

		List<List<String>> payments = CsvFiles.rows(out.resolve("payments.csv"));
		long runId = execution.getJobInstanceId();
		assertThat(payments.subList(1, payments.size())).containsExactly(
				payment("330000100", "FORFAIT", "7217.20", "RFS", runId),
				payment("330000100", "MEDECIN_TRAITANT", "62.00", "FMT", runId),
				payment("330000100", "AIDES_CONTRAT", "3393.44", "AID", runId),
				payment("690000104", "FORFAIT", "23114.88", "RFS", runId),
				payment("750000101", "FORFAIT", "25571.71", "RFS", runId),
				payment("750000101", "MEDECIN_TRAITANT", "159.57", "FMT", runId),
				payment("750000101", "SUPPLEMENTS_ACTES", "1800.00", "SUP", runId),
				payment("750000101", "AIDES_CONTRAT", "31512.60", "AID", runId));
		Map<String, BigDecimal> paymentsByStream = new TreeMap<>();
		payments.subList(1, payments.size())
			.forEach(row -> paymentsByStream.merge(row.get(2), new BigDecimal(row.get(4)), BigDecimal::add));
		assertThat(paymentsByStream).isEqualTo(statementsByStream);
		assertThat(Files.readString(out.resolve("run-report.txt")))
			.contains("Dernier texte applicable : Avenant 5 (publié le 15/03/2024) [avenant-5]");
	}

	/** Section titles of the small input's statements, by the stream they belong to. */
	private static final Map<String, String> STREAMS = Map.of("Total de la rémunération forfaitaire", "FORFAIT",
			"Total — Forfait patientèle médecin traitant (FPMT)", "MEDECIN_TRAITANT",
			"Total — Suppléments déclarés à l'acte", "SUPPLEMENTS_ACTES", "Total — Aides sur contrat", "AIDES_CONTRAT");

	/** A balance line of the payment file. */
	private static List<String> payment(String finess, String stream, String amount, String prefix, long runId) {
		return List.of(finess, "2024", stream, "SOLDE", amount, "accord-2015@2026.2", "avenant-5",
				prefix + "-2024-" + finess + "-SOLDE-R" + runId);
	}

	@Test
	void badRowsLandInRejectsAndEveryFileReconciles() throws Exception {
		JobExecution execution = this.jobOperatorTestUtils.startJob(parameters());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);

		List<List<String>> rejects = CsvFiles.rows(this.output.resolve("2024/rejects.csv"));
		// a patient of a centre absent from centres.csv: rejected, and held against no listed centre
		assertThat(rejects).containsExactly(List.of("fichier", "ligne", "finess", "champ", "valeur", "motif"),
				// a patients.csv cell is never quoted, nor used to name a centre
				List.of("patients.csv", "22", "", "finess", "(valeur non reproduite : 9 caractères)",
						"centre inconnu (FINESS absent de centres.csv ou rejeté)"));
		List<long[]> counts = this.jdbc.query(
				"SELECT ROWS_READ, ROWS_ACCEPTED, ROWS_REJECTED FROM RUN_FILE ORDER BY FILE_NAME",
				(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
		// centres, contracts, declarations, patients: every data row of the files, accepted or rejected
		assertThat(counts).containsExactly(new long[] { 4, 4, 0 }, new long[] { 2, 2, 0 }, new long[] { 19, 19, 0 },
				new long[] { 21, 20, 1 });
		String report = Files.readString(this.output.resolve("2024/run-report.txt"));
		assertThat(report).contains("patients.csv       lues         21   acceptées         20   rejetées        1");
		assertThat(report).contains("Centres en attente      : 0");
		// the list for operations is written even when it is empty, so that its absence means something
		assertThat(CsvFiles.rows(this.output.resolve("2024/centres-en-attente.csv")))
			.containsExactly(List.of("finess", "raison_sociale", "type", "region", "motif"));
	}

	@Test
	void theSameCompletedInputsAreRefusedWithADistinctExitCode() throws Exception {
		JobParameters parameters = parameters();
		assertThat(this.jobOperatorTestUtils.startJob(parameters).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThatThrownBy(() -> this.jobOperatorTestUtils.startJob(parameters))
			.isInstanceOf(JobInstanceAlreadyCompleteException.class);
		JobOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, SMALL_INPUT,
				this.output, RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14)));
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED);
		assertThat(outcome.exitCode().code()).isEqualTo(5);
		assertThat(outcome.message()).contains("rien n'est payé deux fois");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(1);
	}

	@Test
	void onceCompletedTheExerciceIsRefusedEvenWithOtherInputFiles() {
		JobOutcome first = this.launcher.launch(new AnnualRunLauncher.Request(2024, SMALL_INPUT, this.output,
				RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14)));
		assertThat(first.exitCode()).isEqualTo(ExitCode.OK);

		JobOutcome other = this.launcher.launch(new AnnualRunLauncher.Request(2024, Path.of("input-samples"),
				this.output, RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 3, 1)));

		assertThat(other.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED);
		assertThat(other.message()).contains("à partir d'autres fichiers d'entrée", "rien n'est payé deux fois", "retraitement",
				"reprocess --exercice 2024");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE", Integer.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM PAYMENT_LEDGER WHERE KIND = 'SOLDE'", Integer.class))
			.isEqualTo(8);
	}

	/**
	 * Advances of 12,000 € already in the ledger for the médical centre (total 25,571.71 €) and for
	 * the nursing centre that misses its socle (total 0 €): balances 13,571.71 € and −12,000 €.
	 */
	@Test
	void theBalanceIsTheTotalLessTheAdvancesAlreadyRecorded() throws Exception {
		LocalDate paid = LocalDate.of(2024, 6, 28);
		for (String finess : List.of("750000101", "130000102")) {
			this.ledger.record(new LedgerEntry("AV-2024-" + finess, finess, 2024, PaymentStream.FORFAIT,
					PaymentKind.AVANCE, new BigDecimal("12000.00"), null, null, null, "test", PaymentStatus.PAID, paid,
					paid, paid));
		}

		JobExecution execution = this.jobOperatorTestUtils.startJob(parameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long runId = execution.getJobInstanceId();
		List<List<String>> payments = CsvFiles.rows(this.output.resolve("2024/payments.csv"));
		// the advances are the forfait's: the other streams' balances are their totals
		assertThat(payments.subList(1, payments.size()).stream().filter(row -> row.get(2).equals("FORFAIT")).toList())
			.containsExactly(payment("130000102", "FORFAIT", "-12000.00", "RFS", runId),
					payment("330000100", "FORFAIT", "7217.20", "RFS", runId),
					payment("690000104", "FORFAIT", "23114.88", "RFS", runId),
					payment("750000101", "FORFAIT", "13571.71", "RFS", runId));
		assertThat(payments).contains(payment("750000101", "MEDECIN_TRAITANT", "159.57", "FMT", runId));
		// the ledger now holds each centre's total of each stream: 55,903.79 € of forfait, 92,831.40 € in all
		assertThat(this.jdbc.queryForObject(
				"SELECT SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER WHERE EXERCICE = 2024 AND STREAM = 'FORFAIT'", BigDecimal.class))
			.isEqualByComparingTo("55903.79");
		assertThat(this.jdbc.queryForObject("SELECT SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER WHERE EXERCICE = 2024",
				BigDecimal.class)).isEqualByComparingTo("92831.40");

		List<List<String>> statement = CsvFiles.rows(this.output.resolve("2024/statements/750000101.csv"));
		assertThat(statement).contains(List.of("Montant dû pour l'exercice 2024", "25571,71", "rémunération forfaitaire"),
				List.of("Déjà versé : avance", "12000,00", "référence AV-2024-750000101, versé le 28/06/2024"),
				List.of("Solde à verser", "13571,71", "référence RFS-2024-750000101-SOLDE-R" + runId
						+ ", à verser au plus tard le 30/04/2025"));
		assertThat(CsvFiles.rows(this.output.resolve("2024/statements/130000102.csv")))
			.contains(List.of("Trop-perçu à reverser", "12000,00", "référence RFS-2024-130000102-SOLDE-R" + runId));
		assertThat(Files.readString(this.output.resolve("2024/statements/750000101.html")))
			.contains("Solde à verser", "13\u00A0571,71\u00A0€", "AV-2024-750000101");
		assertThat(Files.readString(this.output.resolve("2024/run-report.txt")))
			.contains("Déjà versé (avances)    : 24\u00A0000,00\u00A0€",
					"9 soldes (centre et flux) pour 68\u00A0831,40\u00A0€"); // 92,831.40 − 24,000
	}

	/**
	 * Advances of 2025 from the centres paid for 2024, under the rules of 2025 (365 days), as if every
	 * socle indicator were met: médical 5,600 + 7,021.71 + 9,100 + 700 = 22,421.71 € → 60 % =
	 * 13,453.03 €; dental 5,600 + 7,014.88 + 6,300 + 700 = 19,614.88 € → 11,768.93 € < 12,000 €: the
	 * minimum; nursing (its 2024 answers do not matter) 5,600 + (1,000 + 1,700 × 3/4,000) × 7 =
	 * 7,008.93 + (500 + 200 × 3) × 7 = 7,700 + 700 = 21,008.93 € → 12,605.36 €; polyvalent, open all
	 * of 2025, 5,600 + 7,011.90 + 11,900 + 700 = 25,211.90 € → 15,127.14 €.
	 */
	@Test
	void theAdvancesOfTheNextExerciceComeFromThisOnesCentresAndAreRecordedOnce() throws Exception {
		assertThat(this.jobOperatorTestUtils.startJob(parameters()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		AdvanceLauncher.Request request = new AdvanceLauncher.Request(2025, RuleSetRepository.BUILT_IN,
				Optional.empty(), this.output);

		JobOutcome first = this.advances.launch(request);

		assertThat(first.exitCode()).as(first.message()).isEqualTo(ExitCode.OK);
		Map<String, BigDecimal> expected = Map.of("750000101", new BigDecimal("13453.03"), "690000104",
				new BigDecimal("12000.00"), "130000102", new BigDecimal("12605.36"), "330000100", new BigDecimal("15127.14"));
		assertThat(advances2025()).isEqualTo(expected);
		List<List<String>> explanation = CsvFiles.rows(this.output.resolve("2025/advances/advances.csv"));
		assertThat(explanation.get(0)).startsWith("finess", "raison_sociale", "region", "socle_a_100_eur");
		assertThat(explanation).anySatisfy(row -> assertThat(row.subList(0, 9)).containsExactly("690000104",
				"Centre dentaire Lyon test", "Auvergne-Rhône-Alpes", "19614,88", "0,60", "11768,93", "12000,00", "12000,00",
				"oui"));
		List<List<String>> payments = CsvFiles.rows(this.output.resolve("2025/advances/payments.csv"));
		assertThat(payments).hasSize(5);
		assertThat(payments.get(1)).containsExactly("130000102", "2025", "FORFAIT", "AVANCE", "12605.36", "accord-2015@2026.2",
				"avenant-5", "RFS-2025-130000102-AVANCE-B" + this.jdbc.queryForObject("SELECT MAX(JOB_INSTANCE_ID) FROM BATCH_JOB_INSTANCE",
						Long.class));

		JobOutcome again = this.advances.launch(request);

		assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
		assertThat(advances2025()).isEqualTo(expected);
		assertThat(CsvFiles.rows(this.output.resolve("2025/advances/payments.csv"))).isEqualTo(payments);
	}

	private Map<String, BigDecimal> advances2025() {
		Map<String, BigDecimal> advances = new java.util.HashMap<>();
		this.jdbc.query("SELECT FINESS, AMOUNT_EUR FROM PAYMENT_LEDGER WHERE EXERCICE = 2025 AND KIND = 'AVANCE'",
				rs -> {
					assertThat(advances.put(rs.getString(1), rs.getBigDecimal(2))).as("one advance per centre").isNull();
				});
		return advances;
	}

}
