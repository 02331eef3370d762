package fr.cds.remuneration.annual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.Application;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.support.CrashAtStepBoundary;
import fr.cds.remuneration.support.OutputTrees;
import fr.cds.remuneration.support.PatientIdentifiers;
import fr.cds.remuneration.support.SyntheticInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} in the middle of a run, then the same command again: the outputs must be those
 * of a run that was never interrupted, byte for byte (the run report's start time, duration and
 * execution number excepted), with no temporary file left.
 * <p>
 * Each run is a real separate JVM ({@link Application} on the test class path) on its own H2 file
 * database. The kill is triggered by what the run writes, not by a delay: during the patient
 * aggregation once the spill of the extract has started to grow, during output writing once the
 * first statement exists. The job repository is then read to prove the kill landed inside that
 * step (still STARTED, nothing of it committed): if the machine were so fast that the step had
 * ended first, the test would fail rather than pass without having tested anything.
 * <p>
 * At step boundaries the kill is not raced at all: {@link CrashAtStepBoundary}, on the test class
 * path, halts the run's JVM at a named boundary ({@code -Dcds.test.crash-at}), as {@code kill -9}
 * would. One run is crashed at every boundary of the job in turn, each launch restarting what the
 * previous one left, and the last launch must end with the outputs of the uninterrupted run.
 */
class CrashRestartTest {

	private static final int CENTRES = 100;

	private static final long PATIENT_ROWS = 200_000;

	@TempDir
	static Path work;

	static Path input;

	static Path reference;

	/** The uninterrupted run of the large inputs, made once for the tests that race a kill against it. */
	static synchronized Path reference() throws Exception {
		if (reference == null) {
			input = work.resolve("input");
			// one row in 4,000 repeats the previous one: 50 duplicates, 0.025 % of the rows
			SyntheticInputs.write(input, CENTRES, PATIENT_ROWS, 4000, 20250214);
			Run run = new Run(work.resolve("reference"), input);
			assertThat(run.start().exitCode()).as(run.log()).isZero();
			reference = run.exerciceOutput();
			assertThat(reference.resolve("rejects.csv")).content().contains("ligne en double");
		}
		return reference;
	}

	@Test
	void killedDuringThePatientAggregationThenRestarted() throws Exception {
		Path expected = reference();
		Run run = new Run(work.resolve("killed-in-extract"), input);
		Path spill = run.output.resolve(".work/exercice-2024-run-1/patients-0.spill");
		run.start().killWhen(() -> size(spill) > 0);

		assertThat(run.stepStatus("patientExtract")).isEqualTo("STARTED");
		assertThat(run.count("RUN_PATIENT_AGGREGATE")).as("nothing of the range was committed").isZero();

		run.restartAndCompareWith(expected);
	}

	@Test
	void killedWhileWritingTheStatementsThenRestarted() throws Exception {
		Path expected = reference();
		Run run = new Run(work.resolve("killed-in-statements"), input);
		Path statements = run.exerciceOutput().resolve("statements");
		// halted inside the chunk once 10 centres' files are written (a kill raced against the
		// writer was reached too late on a loaded machine: the step had completed)
		assertThat(run.startHaltingAt("during:statements:10").exitCode()).as(run.log()).isEqualTo(CrashAtStepBoundary.HALTED);

		assertThat(run.stepStatus("statements")).isEqualTo("STARTED");
		assertThat(fileCount(statements)).as("the files of 10 centres, a CSV and an HTML each").isEqualTo(20);

		run.restartAndCompareWith(expected);
	}

	/**
	 * Every step boundary of the annual job, in the order the job reaches them: before a step
	 * (the previous one is recorded COMPLETED, this one STARTED) and after it (its work committed,
	 * before the other listeners' afterStep).
	 */
	static final List<String> STEP_BOUNDARIES = boundaries("checkRules", "checkInputs", "centres", "declarations",
			"contracts", "patientExtract", "patientExtractPartition:range0", "/patientExtract", "patientDuplicates",
			"inputQuality", "peerThresholds", "compute", "balance", "statements", "runOutputs", "summaryReport", "manifest");

	private static List<String> boundaries(String... steps) {
		List<String> points = new ArrayList<>();
		for (String step : steps) {
			if (step.startsWith("/")) {
				// the partitioned step ends after its partition
				points.add("after:" + step.substring(1));
			}
			else if (step.equals("patientExtract")) {
				points.add("before:" + step);
			}
			else {
				points.add("before:" + step);
				points.add("after:" + step);
			}
		}
		return points;
	}

	/**
	 * Small inputs of their own (the kill is not raced: no need for a long step), with duplicates,
	 * read in two partitions of the extract. Before the fix, the first boundary after an
	 * input step ({@code after:centres}) left the exercice unrunnable: every later launch exited 3,
	 * "no row counts were recorded".
	 */
	@Test
	void killedAtEveryStepBoundaryInTurnThenRestarted() throws Exception {
		Path smallInput = work.resolve("small-input");
		SyntheticInputs.write(smallInput, 12, 3000, 1500, 20250215);
		List<String> twoPartitions = List.of("-Dcds.extract.partitions=2", "-Dcds.extract.min-partition-bytes=1",
				"-XX:TieredStopAtLevel=1");
		Run uninterrupted = new Run(work.resolve("small-reference"), smallInput).withJvmOptions(twoPartitions);
		assertThat(uninterrupted.start().exitCode()).as(uninterrupted.log()).isZero();

		Run run = new Run(work.resolve("killed-at-every-boundary"), smallInput).withJvmOptions(twoPartitions);
		for (String boundary : STEP_BOUNDARIES) {
			run.startHaltingAt(boundary);
			assertThat(run.exitCode()).as(boundary + ": " + run.lastLog()).isEqualTo(CrashAtStepBoundary.HALTED);
			assertThat(run.lastLog()).as(boundary).contains("halting at " + boundary);
		}
		run.restartAndCompareWith(uninterrupted.exerciceOutput());
	}

	/** One run: a database, an output directory and the process running the command line. */
	static final class Run {

		private final Path directory;

		private final Path output;

		private final Path database;

		private final Path input;

		private Process process;

		private int launches;

		private List<String> jvmOptions = List.of();

		/** JVM options of every launch of this run. */
		Run withJvmOptions(List<String> options) {
			this.jvmOptions = options;
			return this;
		}

		Run(Path directory, Path input) throws IOException {
			this.input = input;
			this.directory = Files.createDirectories(directory);
			this.output = directory.resolve("output");
			this.database = directory.resolve("db");
		}

		Path exerciceOutput() {
			return this.output.resolve("2024");
		}

		Run start() throws IOException {
			return start(List.of());
		}

		/** Starts the run with the JVM set to halt at {@code boundary} ({@link CrashAtStepBoundary}). */
		Run startHaltingAt(String boundary) throws IOException {
			return start(List.of("-D" + CrashAtStepBoundary.PROPERTY + "=" + boundary));
		}

		private Run start(List<String> jvmOptions) throws IOException {
			this.launches++;
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.add("-Xmx256m");
			command.addAll(this.jvmOptions);
			command.addAll(jvmOptions);
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), Application.class.getName(), "run",
					"--exercice", "2024", "--input", this.input.toString(), "--output", this.output.toString(),
					"--extraction-date", "2025-02-14"));
			ProcessBuilder builder = new ProcessBuilder(command);
			builder.environment().put("CDS_DB_URL", jdbcUrl());
			builder.directory(this.directory.toFile());
			builder.redirectErrorStream(true);
			builder.redirectOutput(this.directory.resolve("run-" + this.launches + ".log").toFile());
			this.process = builder.start();
			return this;
		}

		/** Kills the process (SIGKILL, no shutdown hook) as soon as {@code condition} holds. */
		void killWhen(Condition condition) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
			while (!condition.holds()) {
				assertThat(this.process.isAlive()).as("the run ended before the kill point: " + log()).isTrue();
				assertThat(System.nanoTime()).as("kill point never reached").isLessThan(deadline);
				Thread.sleep(2);
			}
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		}

		/** Waits for the process to end (30 minutes at most) and returns its exit code. */
		int exitCode() throws InterruptedException {
			// a bound against a hung process, not a timing: generous for a loaded 2-core machine
			assertThat(this.process.waitFor(30, TimeUnit.MINUTES)).as("run still going after 30 minutes").isTrue();
			return this.process.exitValue();
		}

		void restartAndCompareWith(Path expected) throws Exception {
			assertThat(start().exitCode()).as(log()).isZero();
			assertThat(log()).contains("en cours par un processus interrompu");
			OutputTrees.assertSame(expected, exerciceOutput());
			assertThat(this.output.resolve(".work")).as("the duplicate search's work files are deleted").doesNotExist();
			PatientIdentifiers.assertNoneIn(this.input.resolve(InputFile.PATIENTS.fileName()), this.output, log());
		}

		String stepStatus(String step) throws SQLException {
			return query("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '" + step + "'");
		}

		long count(String table) throws SQLException {
			return Long.parseLong(query("SELECT COUNT(*) FROM " + table));
		}

		private String query(String sql) throws SQLException {
			try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "");
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(sql)) {
				assertThat(rs.next()).as(sql).isTrue();
				return rs.getString(1);
			}
		}

		/** An H2 file database written as the shipped default is: every commit on disk before it returns. */
		private String jdbcUrl() {
			return "jdbc:h2:file:" + this.database.toAbsolutePath() + ";WRITE_DELAY=0";
		}

		String lastLog() {
			try {
				return Files.readString(this.directory.resolve("run-" + this.launches + ".log"), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "(no log " + this.launches + ")";
			}
		}

		String log() {
			StringBuilder all = new StringBuilder();
			for (int i = 1; i <= this.launches; i++) {
				try {
					all.append(Files.readString(this.directory.resolve("run-" + i + ".log"), StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					all.append("(no log ").append(i).append(')');
				}
			}
			return all.toString();
		}

	}

	@FunctionalInterface
	interface Condition {

		boolean holds() throws IOException;

	}

	private static long size(Path file) {
		try {
			return Files.exists(file) ? Files.size(file) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static long fileCount(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.count();
		}
	}

}
