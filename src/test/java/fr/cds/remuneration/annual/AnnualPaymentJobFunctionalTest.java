package fr.cds.remuneration.annual;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.cli.ExitCode;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.support.CsvFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole annual job on a small input whose amounts were computed by hand (see
 * RemunerationEngineTest for the same formulas): a médical, a dental, a nursing centre that
 * misses its socle and a polyvalent centre opened on 1 October 2024 (92 days of 366).
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:annual-functional",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
@SpringBatchTest
class AnnualPaymentJobFunctionalTest {

	static final Path SMALL_INPUT = Path.of("src/test/resources/annual/small");

	/** The centres of the small input: médical, dental, nursing, polyvalent. */
	static final List<String> SMALL_CENTRES = List.of("750000100", "690000100", "130000100", "330000100");

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path output;

	@BeforeEach
	void emptyRepository() {
		// each test starts from an empty job repository, like a fresh machine
		for (String table : List.of("CENTRE_RESULT", "RUN_REJECT", "RUN_PATIENT_PARTITION", "RUN_PATIENT_AGGREGATE",
				"RUN_DECLARATION", "RUN_CENTRE", "RUN_FILE", "BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION",
				"BATCH_JOB_EXECUTION_CONTEXT", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION",
				"BATCH_JOB_INSTANCE")) {
			this.jdbc.update("DELETE FROM " + table);
		}
	}

	private JobParameters parameters() {
		return parameters(2024, "accord-2015@2026.1", SMALL_INPUT, RuleSetRepository.BUILT_IN);
	}

	private JobParameters parameters(int exercice, String ruleSet, Path input, String rules) {
		return new AnnualRun(exercice, ruleSet, AnnualRunLauncher.inputChecksum(input), input, this.output, rules,
				LocalDate.of(exercice + 1, 2, 14))
			.toJobParameters();
	}

	@Test
	void computesEveryCentreAsByHandAndTheOutputsAddUpToTheCent() throws Exception {
		JobExecution execution = this.jobOperatorTestUtils.startJob(parameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Path out = this.output.resolve("2024");
		Path statements = out.resolve("statements");
		assertStatementTotals(statements, "25571.71", "23114.88", "0.00", "7217.20");
		assertThat(statements.resolve("750000100.html")).exists();

		BigDecimal statementsTotal = BigDecimal.ZERO;
		try (Stream<Path> files = Files.list(statements)) {
			for (Path csv : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
				assertThat(CsvFiles.statementLinesSum(csv)).isEqualByComparingTo(CsvFiles.statementTotal(csv));
				statementsTotal = statementsTotal.add(CsvFiles.statementTotal(csv));
			}
		}
		assertThat(statementsTotal).isEqualByComparingTo("55903.79");

		List<List<String>> summary = CsvFiles.rows(out.resolve("regional-summary.csv"));
		List<String> national = summary.get(summary.size() - 1);
		assertThat(national.get(0)).isEqualTo("TOTAL");
		assertThat(CsvFiles.frenchNumber(national.get(6))).isEqualByComparingTo(statementsTotal);
		BigDecimal regionsTotal = summary.subList(1, summary.size() - 1)
			.stream()
			.map(row -> CsvFiles.frenchNumber(row.get(6)))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(regionsTotal).isEqualByComparingTo(statementsTotal);
		assertThat(national.subList(3, 6)).containsExactly("4", "3", "1");
		// every output names the rules and the latest text of the exercice
		assertThat(national.subList(8, 10)).containsExactly("accord-2015@2026.1", "Avenant 5 (publié le 15/03/2024)");
		assertThat(Files.readString(out.resolve("run-report.txt")))
			.contains("Dernier texte applicable : Avenant 5 (publié le 15/03/2024) [avenant-5]");
		assertThat(CsvFiles.rows(statements.resolve("750000100.csv")))
			.contains(List.of("Dernier texte applicable", "Avenant 5 (publié le 15/03/2024)", ""));

		List<List<String>> payments = CsvFiles.rows(out.resolve("payments.csv"));
		assertThat(payments).hasSize(4);
		BigDecimal paymentsTotal = payments.subList(1, payments.size())
			.stream()
			.map(row -> new BigDecimal(row.get(3)))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(paymentsTotal).isEqualByComparingTo(statementsTotal);
		assertThat(payments.get(1)).containsExactly("330000100", "2024", "SOLDE", "7217.20", "accord-2015@2026.1",
				"RFS-2024-330000100-SOLDE-R" + execution.getJobInstanceId(), "avenant-5");
	}

	/**
	 * A national neutralisation, end to end: the shipped rule set published as a new edition with
	 * two decisions for 2024. ACCES_SOINS_INFIRMIERS deemed met: the nursing centre, which declared
	 * "non" and failed its socle, is paid 800 pts + COORDINATION 1,000 + 1,700 × 3/4,000 = 1,001.275
	 * pts + SI_STANDARD 500 + 200 × 3 FTE = 1,100 pts, i.e. 5,600.00 + 7,008.93 (7,008.925) +
	 * 7,700.00 = 20,308.93 €. CRISE_PLAN removed: no longer required nor paid, every other centre
	 * loses its 700.00 € line (175.96 € for the polyvalent centre open 92 days of 366).
	 */
	@Test
	void aNationalNeutralisationIsAppliedAndShownWithItsReasonOnEveryAffectedStatement() throws Exception {
		Path rules = this.output.resolve("rules");
		Files.createDirectories(rules);
		String shipped = Files.readString(Path.of("src/main/resources/rulesets/accord-2015.yaml"));
		String neutralised = shipped.replace("version: \"2026.1\"", "version: \"2026.1-neutralisations\"")
			.replace("neutralisations: []", """
					neutralisations:
					  - {exercice: 2024, indicator: ACCES_SOINS_INFIRMIERS, effect: met, reason: "critères publiés trop tard", status: confirmed, source: AMELI-AV5}
					  - {exercice: 2024, indicator: CRISE_PLAN, effect: removed, reason: "plan type non diffusé aux centres", status: confirmed, source: AMELI-AV5}""");
		Files.writeString(rules.resolve("accord-2015.yaml"), neutralised);

		JobExecution execution = this.jobOperatorTestUtils
			.startJob(parameters(2024, "accord-2015@2026.1-neutralisations", SMALL_INPUT, rules.toString()));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Path statements = this.output.resolve("2024/statements");
		assertStatementTotals(statements, "24871.71", "22414.88", "20308.93", "7041.24");

		List<List<String>> nursing = CsvFiles.rows(statements.resolve("130000100.csv"));
		assertThat(nursing).contains(List.of("Note", "Neutralisation nationale : ACCES_SOINS_INFIRMIERS réputé atteint"
				+ " pour tous les centres (critères publiés trop tard).", ""));
		List<String> access = nursing.stream().filter(r -> r.get(0).equals("ACCES_SOINS_INFIRMIERS")).findFirst().orElseThrow();
		assertThat(access).contains("non", "réputé atteint",
				"neutralisation nationale : réputé atteint pour tous les centres (critères publiés trop tard)");
		for (String finess : SMALL_CENTRES) {
			List<List<String>> statement = CsvFiles.rows(statements.resolve(finess + ".csv"));
			assertThat(statement).contains(List.of("Note", "Neutralisation nationale : CRISE_PLAN retiré pour tous"
					+ " les centres (plan type non diffusé aux centres).", ""));
			assertThat(statement.stream().filter(r -> r.get(0).equals("CRISE_PLAN")).findFirst().orElseThrow())
				.contains("retiré");
			assertThat(Files.readString(statements.resolve(finess + ".html")))
				.contains("plan type non diffusé aux centres");
		}
		assertThat(Files.readString(statements.resolve("750000100.html"))).doesNotContain("critères publiés trop tard");
	}

	/**
	 * The same job under the 2025 accord, chosen by the exercice (2026): the small centres with
	 * 2026 declarations, amounts in euros computed by hand from DEFAULT-PARAMETERS §B.
	 * <ul>
	 * <li>médical 750000100: HORAIRES level 3 12,000 + COORDINATION 7,000 + 12 × 6 patients = 7,072
	 * + SI 3,500 + 1,400 × 4 FTE = 9,100 + SANTE_PUBLIQUE 2 missions (3 declared) 5,000 +
	 * COMPLEXITE 2 C2S × 10 + 2 ALD × 15 + 1 disabled × 10 = 60 + QUALITE level 1 700 = 33,932.00 €
	 * (no team patient; HORS_ZONE: no demographic aid)</li>
	 * <li>dental 690000100: HORAIRES 6,000 + COORDINATION 7,000 + 12 × 5 = 7,060 + SI 3,500 + 1,400
	 * × 2 = 6,300 + COMPLEXITE 1 ALD × 15 + SANTE_ENVIRONNEMENTALE 1,000 = 20,375.00 €</li>
	 * <li>nursing 130000100: PREVENTION_N1 "non": the prevention socle fails, 0 €</li>
	 * <li>polyvalent 330000100 (open all of 2026): HORAIRES level 2 9,000 + COORDINATION 7,000 + 12 ×
	 * 4 = 7,048 + SI 3,500 + 1,400 × 6 = 11,900 + COMPLEXITE 1 ALD × 15 + FILE_ACTIVE_EQUIPE 1 × 8 =
	 * 27,971.00 €</li>
	 * </ul>
	 */
	@Test
	void theSameJobComputesExercice2026UnderThe2025AccordInEuros() throws Exception {
		Path input = this.output.resolve("input-2026");
		Files.createDirectories(input);
		Files.copy(SMALL_INPUT.resolve("centres.csv"), input.resolve("centres.csv"));
		Files.copy(SMALL_INPUT.resolve("patients.csv"), input.resolve("patients.csv"));
		Files.writeString(input.resolve("declarations.csv"), """
				finess;exercice;indicateur;valeur
				750000100;2026;HORAIRES;3
				750000100;2026;COORDINATION;oui
				750000100;2026;SI;oui
				750000100;2026;PREVENTION_N1;oui
				750000100;2026;SANTE_PUBLIQUE;3
				750000100;2026;QUALITE;1
				690000100;2026;HORAIRES;1
				690000100;2026;COORDINATION;oui
				690000100;2026;SI;oui
				690000100;2026;PREVENTION_N1;oui
				690000100;2026;SANTE_ENVIRONNEMENTALE;oui
				130000100;2026;ACCES_SOINS_INFIRMIERS;2
				130000100;2026;COORDINATION;oui
				130000100;2026;SI;oui
				130000100;2026;PREVENTION_N1;non
				330000100;2026;HORAIRES;2
				330000100;2026;COORDINATION;oui
				330000100;2026;SI;oui
				330000100;2026;PREVENTION_N1;oui
				""");

		JobExecution execution = this.jobOperatorTestUtils
			.startJob(parameters(2026, "accord-2025@2026.1", input, RuleSetRepository.BUILT_IN));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Path out = this.output.resolve("2026");
		Path statements = out.resolve("statements");
		assertStatementTotals(statements, "33932.00", "20375.00", "0.00", "27971.00");
		List<List<String>> medical = CsvFiles.rows(statements.resolve("750000100.csv"));
		assertThat(medical).noneMatch(row -> row.get(0).equals("Valeur du point"));
		assertThat(Files.readString(statements.resolve("750000100.html"))).doesNotContain("points");
		assertThat(medical).contains(List.of("Dernier texte applicable",
				"Accord national des centres de santé 2025 (publié le 15/10/2025)", ""));
		assertThat(CsvFiles.rows(statements.resolve("130000100.csv")))
			.contains(List.of("Socle", "non atteint (PREVENTION_N1)", ""));
		List<List<String>> payments = CsvFiles.rows(out.resolve("payments.csv"));
		assertThat(payments).hasSize(4);
		assertThat(payments.get(1)).containsExactly("330000100", "2026", "SOLDE", "27971.00", "accord-2025@2026.1",
				"RFS-2026-330000100-SOLDE-R" + execution.getJobInstanceId(), "accord-2025");
	}

	@Test
	void badRowsLandInRejectsAndEveryFileReconciles() throws Exception {
		JobExecution execution = this.jobOperatorTestUtils.startJob(parameters());
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);

		List<List<String>> rejects = CsvFiles.rows(this.output.resolve("2024/rejects.csv"));
		assertThat(rejects).containsExactly(List.of("fichier", "ligne", "finess", "champ", "valeur", "motif"),
				List.of("declarations.csv", "7", "750000100", "indicateur", "PROTOCOLE",
						"indicateur inconnu pour l'exercice 2024"),
				List.of("patients.csv", "22", "750000999", "finess", "750000999",
						"centre inconnu (absent de centres.csv ou rejeté)"));
		List<long[]> counts = this.jdbc.query(
				"SELECT ROWS_READ, ROWS_ACCEPTED, ROWS_REJECTED FROM RUN_FILE ORDER BY FILE_NAME",
				(rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
		// centres, declarations, patients: every data row of the files, accepted or rejected
		assertThat(counts).containsExactly(new long[] { 4, 4, 0 }, new long[] { 19, 18, 1 },
				new long[] { 21, 20, 1 });
		String report = Files.readString(this.output.resolve("2024/run-report.txt"));
		assertThat(report).contains("declarations.csv   lues         19   acceptées         18   rejetées        1");
		// the centre whose data were rejected is told so on its statement
		assertThat(Files.readString(this.output.resolve("2024/statements/750000100.csv")))
			.contains("1 ligne(s) de données transmises pour ce centre ont été rejetées");
	}

	@Test
	void theSameCompletedInputsAreRefusedWithADistinctExitCode() throws Exception {
		JobParameters parameters = parameters();
		assertThat(this.jobOperatorTestUtils.startJob(parameters).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		assertThatThrownBy(() -> this.jobOperatorTestUtils.startJob(parameters))
			.isInstanceOf(JobInstanceAlreadyCompleteException.class);
		AnnualRunLauncher.Outcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, SMALL_INPUT,
				this.output, RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14)));
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED);
		assertThat(outcome.exitCode().code()).isEqualTo(5);
		assertThat(outcome.message()).contains("nothing is paid twice");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(1);
	}

	/** The totals of the small centres' statements, in the order of {@link #SMALL_CENTRES}. */
	private static void assertStatementTotals(Path statements, String... totals) {
		for (int i = 0; i < totals.length; i++) {
			assertThat(CsvFiles.statementTotal(statements.resolve(SMALL_CENTRES.get(i) + ".csv")))
				.as(SMALL_CENTRES.get(i))
				.isEqualByComparingTo(totals[i]);
		}
	}

}
