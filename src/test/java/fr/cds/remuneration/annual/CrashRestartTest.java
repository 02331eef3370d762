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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.Application;
import fr.cds.remuneration.input.InputFile;
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
 */
class CrashRestartTest {

	private static final int CENTRES = 100;

	private static final long PATIENT_ROWS = 200_000;

	@TempDir
	static Path work;

	static Path input;

	static Path reference;

	@BeforeAll
	static void uninterruptedRun() throws Exception {
		input = work.resolve("input");
		// one row in 4,000 repeats the previous one: 50 duplicates, 0.025 % of the rows
		SyntheticInputs.write(input, CENTRES, PATIENT_ROWS, 4000, 20250214);
		Run run = new Run(work.resolve("reference"));
		assertThat(run.start().exitCode()).as(run.log()).isZero();
		reference = run.exerciceOutput();
		assertThat(reference.resolve("rejects.csv")).content().contains("ligne en double");
	}

	@Test
	void killedDuringThePatientAggregationThenRestarted() throws Exception {
		Run run = new Run(work.resolve("killed-in-extract"));
		Path spill = run.output.resolve(".work/exercice-2024-run-1/patients-0.spill");
		run.start().killWhen(() -> size(spill) > 0);

		assertThat(run.stepStatus("patientExtract")).isEqualTo("STARTED");
		assertThat(run.count("RUN_PATIENT_AGGREGATE")).as("nothing of the range was committed").isZero();

		run.restartAndCompareWith(reference);
	}

	@Test
	void killedWhileWritingTheStatementsThenRestarted() throws Exception {
		Run run = new Run(work.resolve("killed-in-statements"));
		Path statements = run.exerciceOutput().resolve("statements");
		run.start().killWhen(() -> fileCount(statements) > 0);

		assertThat(run.stepStatus("statements")).isEqualTo("STARTED");
		assertThat(fileCount(statements)).as("only part of the statements were written").isLessThan(2 * CENTRES);

		run.restartAndCompareWith(reference);
	}

	/** One run: a database, an output directory and the process running the command line. */
	static final class Run {

		private final Path directory;

		private final Path output;

		private final Path database;

		private Process process;

		private int launches;

		Run(Path directory) throws IOException {
			this.directory = Files.createDirectories(directory);
			this.output = directory.resolve("output");
			this.database = directory.resolve("db");
		}

		Path exerciceOutput() {
			return this.output.resolve("2024");
		}

		Run start() throws IOException {
			this.launches++;
			ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-Xmx256m", "-cp", System.getProperty("java.class.path"), Application.class.getName(), "run",
					"--exercice", "2024", "--input", input.toString(), "--output", this.output.toString(),
					"--extraction-date", "2025-02-14");
			builder.environment().put("CDS_DB_URL", jdbcUrl());
			builder.directory(this.directory.toFile());
			builder.redirectErrorStream(true);
			builder.redirectOutput(this.directory.resolve("run-" + this.launches + ".log").toFile());
			this.process = builder.start();
			return this;
		}

		/** Kills the process (SIGKILL, no shutdown hook) as soon as {@code condition} holds. */
		void killWhen(Condition condition) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
			while (!condition.holds()) {
				assertThat(this.process.isAlive()).as("the run ended before the kill point: " + log()).isTrue();
				assertThat(System.nanoTime()).as("kill point never reached").isLessThan(deadline);
				Thread.sleep(2);
			}
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(1, TimeUnit.MINUTES)).isTrue();
		}

		/** Waits for the process to end (5 minutes at most) and returns its exit code. */
		int exitCode() throws InterruptedException {
			assertThat(this.process.waitFor(5, TimeUnit.MINUTES)).as("run still going after 5 minutes").isTrue();
			return this.process.exitValue();
		}

		void restartAndCompareWith(Path expected) throws Exception {
			assertThat(start().exitCode()).as(log()).isZero();
			assertThat(log()).contains("was left running by a crashed process");
			OutputTrees.assertSame(expected, exerciceOutput());
			assertThat(this.output.resolve(".work")).as("the duplicate search's work files are deleted").doesNotExist();
			PatientIdentifiers.assertNoneIn(input.resolve(InputFile.PATIENTS.fileName()), this.output, log());
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
