package fr.cds.remuneration.annual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run pays on exactly the bytes it checked (issue 15 §1). The launcher hashes the inputs; an
 * input changed between that pass and the step that reads it (truncated, appended to, or one byte
 * changed with its size and modification time kept) stops the run with exit code 7, a French
 * message naming the file, and nothing in the payment ledger.
 * <p>
 * The window is reproduced exactly: the launch's digest is computed as the launcher computes it,
 * the file is changed, then the job is started with that digest. Before the fix every case below
 * completed (exit 0) and paid on the changed file. The extract is read in two partitions here, so
 * that a change in the second range is caught by that range's own hash.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:inputs-changed",
		"cds.extract.partitions=2", "cds.extract.min-partition-bytes=1", "cds.input.max-declaration-reject-rate=0.2",
		"cds.input.max-patient-reject-rate=0.2" })
class InputsChangedAfterLaunchTest {

	static final Path SMALL = Path.of("src/test/resources/annual/small");

	@Autowired
	JobOperator jobOperator;

	@Autowired
	Job annualPaymentJob;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path work;

	Path input;

	@BeforeEach
	void inputs() throws IOException {
		RunTables.empty(this.jdbc);
		this.input = Files.createDirectories(this.work.resolve("input"));
		for (InputFile file : InputFile.values()) {
			Files.copy(SMALL.resolve(file.fileName()), this.input.resolve(file.fileName()));
		}
	}

	@Test
	void unchangedInputsArePaid() throws Exception {
		JobOutcome outcome = launchThen(() -> {
		});

		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		assertThat(ledgerRows()).isPositive();
	}

	@Test
	void anExtractTruncatedAfterTheLaunchStopsTheRunBeforeAnyPayment() throws Exception {
		Path patients = this.input.resolve("patients.csv");
		List<String> lines = Files.readAllLines(patients);
		JobOutcome outcome = launchThen(() -> Files.write(patients, lines.subList(0, lines.size() - 3)));

		assertRefusedBeforePayment(outcome, "patients.csv");
	}

	@Test
	void anExtractAppendedToAfterTheLaunchStopsTheRunBeforeAnyPayment() throws Exception {
		Path patients = this.input.resolve("patients.csv");
		JobOutcome outcome = launchThen(() -> Files.writeString(patients,
				"PX0000901;750000100;1;45;0;0;0;0;0;RG;1;0;0;0;0;0;0\n", StandardOpenOption.APPEND));

		assertRefusedBeforePayment(outcome, "patients.csv");
	}

	@Test
	void oneByteChangedInTheSecondRangeWithSizeAndTimeKeptStopsTheRun() throws Exception {
		Path patients = this.input.resolve("patients.csv");
		JobOutcome outcome = launchThen(() -> changeOneByteNearTheEnd(patients));

		assertRefusedBeforePayment(outcome, "patients.csv");
	}

	@Test
	void aCentresFileAppendedToAfterTheLaunchStopsTheRun() throws Exception {
		Path centres = this.input.resolve("centres.csv");
		List<String> lines = Files.readAllLines(centres);
		JobOutcome outcome = launchThen(() -> Files.writeString(centres, lines.get(lines.size() - 1) + "\n",
				StandardOpenOption.APPEND));

		assertRefusedBeforePayment(outcome, "centres.csv");
	}

	@Test
	void oneByteOfTheDeclarationsChangedWithSizeAndTimeKeptStopsTheRun() throws Exception {
		Path declarations = this.input.resolve("declarations.csv");
		JobOutcome outcome = launchThen(() -> changeOneByteNearTheEnd(declarations));

		assertRefusedBeforePayment(outcome, "declarations.csv");
	}

	private void assertRefusedBeforePayment(JobOutcome outcome, String file) {
		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.INPUTS_CHANGED);
		assertThat(outcome.exitCode().code()).isEqualTo(7);
		assertThat(outcome.message()).contains(file + " : le fichier a changé depuis le lancement du run")
			.contains("rien n'a été payé");
		assertThat(ledgerRows()).as("no payment written").isZero();
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM CENTRE_RESULT", Long.class))
			.as("nothing computed").isZero();
	}

	/** A digit of the last lines becomes another digit: same size, same modification time. */
	private static void changeOneByteNearTheEnd(Path file) throws IOException {
		FileTime modified = Files.getLastModifiedTime(file);
		byte[] bytes = Files.readAllBytes(file);
		int i = bytes.length - 1;
		while (bytes[i] < '0' || bytes[i] > '8') {
			i--;
		}
		bytes[i]++;
		Files.write(file, bytes);
		Files.setLastModifiedTime(file, modified);
	}

	/** Launches as the launcher does: its digest of the inputs first, then {@code change}, then the job. */
	private JobOutcome launchThen(Change change) throws Exception {
		InputDigest digest = InputDigest.scan(this.input, Optional.of(InputEncoding.UTF_8), 2);
		assertThat(digest.patientBoundaries()).as("the extract is read in two ranges").hasSize(1);
		AnnualRun run = new AnnualRun(2024, "accord-2015@2026.2", digest.combined(), this.input,
				this.work.resolve("output"), RuleSetRepository.BUILT_IN, LocalDate.of(2025, 2, 14), false);
		JobParametersBuilder parameters = new JobParametersBuilder(run.toJobParameters());
		digest.addTo(parameters);
		change.apply();
		JobExecution execution = this.jobOperator.start(this.annualPaymentJob, parameters.toJobParameters());
		assertThat(execution.getStatus()).isIn(BatchStatus.COMPLETED, BatchStatus.FAILED);
		return JobOutcome.of(execution, "completed");
	}

	private long ledgerRows() {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM PAYMENT_LEDGER WHERE EXERCICE = 2024", Long.class);
	}

	@FunctionalInterface
	interface Change {

		void apply() throws IOException;

	}

}
