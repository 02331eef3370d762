package fr.cds.remuneration.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.ExecutionControl;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.support.LedgerRows;
import fr.cds.remuneration.support.HoldAtStep;
import fr.cds.remuneration.support.OutputTrees;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL outage in the middle of a run, as operations meet it: the server stopped during a
 * step and brought back on its own data directory. Whatever state the run was left in (UNKNOWN
 * when Spring Batch could not record a step's end, FAILED, or still marked running), {@code restart}
 * or the same command finishes it, with no SQL by hand, to the outputs and the ledger of an
 * uninterrupted run.
 */
class DatabaseOutageTest {

	static final Path SAMPLES = Path.of("input-samples");

	@TempDir
	Path work;

	/**
	 * The server stopped ({@code -m immediate}) while the run is at the start of a step (held there
	 * by {@link HoldAtStep}, so the outage always hits it: no race with a run that might finish
	 * first), the run let go so that its next statement fails, the server brought back on its data
	 * directory once the run has ended. The run must not have completed; then, with no SQL by hand,
	 * {@code restart <execution>} or the same command finishes it to the outputs and the ledger of an
	 * uninterrupted run. The patient extract's partitions, the payments and the statements are the
	 * steps the issue saw left UNKNOWN.
	 * <p>
	 * The interrupted run could not give its lease back (the database was away): in production the
	 * relaunch is another process and takes over a holder whose pid is gone at once; here both are
	 * this JVM, so the lease is short and the test waits until the database says it expired.
	 */
	@ParameterizedTest(name = "outage at {0}, finished by {1}")
	@CsvSource({ "patientExtractPartition, the same command", "balance, restart", "statements, the same command" })
	void theDatabaseStopsDuringAStepAndComesBackThenTheRunIsFinishedToTheSameOutputs(String step, String finish)
			throws Exception {
		Uninterrupted reference = reference();
		int port = freePort();
		Path data = this.work.resolve("pgdata");
		io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = start(data, port);
		String url = server.getJdbcUrl("postgres", "postgres");
		List<String> settings = List.of("spring.profiles.active=postgres", "CDS_DB_URL=" + url, "CDS_DB_USER=postgres",
				"CDS_DB_PASSWORD=postgres", "CDS_DB_POOL_SIZE=4", "spring.datasource.hikari.connection-timeout=2000",
				"cds.lease.ttl=30s", "cds.lease.heartbeat=3s");
		List<String> held = new java.util.ArrayList<>(settings);
		held.add(HoldAtStep.PROPERTY + "=" + step);
		HoldAtStep.arm();
		try {
			CompletableFuture<JobOutcome> interrupted = CompletableFuture.supplyAsync(() -> {
				try (ConfigurableApplicationContext context = Applications.start(held)) {
					return launch(context, "outage");
				}
			});
			while (!HoldAtStep.reached()) {
				// an explicit wait on the run's progress: it reaches the hold, or it ended first (says why)
				assertThat(interrupted.isDone()).as("the run ended before step %s: %s", step,
						interrupted.isDone() ? interrupted.join().message() : "").isFalse();
				Thread.sleep(100);
			}
			stopImmediately(data);
			server.close();
			HoldAtStep.release();
			JobOutcome first = interrupted.get(10, TimeUnit.MINUTES);
			assertThat(first.exitCode()).as("the outage stopped the run: " + first.message()).isNotEqualTo(ExitCode.OK);
			server = start(data, port);
			String left = query(url, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1");
			System.out.println("Outage at " + step + ": exit " + first.exitCode() + ", execution left " + left);
			// STARTED: what the run committed before the outage is all there (an empty answer here once
			// hid a server that came back without its last commits)
			assertThat(left).as("the execution was interrupted, and the server kept what it had committed").isEqualTo("STARTED");
			awaitLeaseExpiry(url);

			try (ConfigurableApplicationContext context = Applications.start(settings)) {
				JobOutcome finished;
				if (finish.equals("restart")) {
					long execution = Long.parseLong(query(url,
							"SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1"));
					finished = context.getBean(ExecutionControl.class).restart(execution);
				}
				else {
					finished = launch(context, "outage");
				}
				assertThat(finished.exitCode()).as(finished.message()).isEqualTo(ExitCode.OK);
				assertThat(LedgerRows.of(context)).as("the ledger of an uninterrupted run, nothing paid twice")
					.isEqualTo(reference.ledger());
			}
			OutputTrees.assertSame(reference.output(), this.work.resolve("outage"));
		}
		finally {
			HoldAtStep.release();
			server.close();
		}
	}

	private static Uninterrupted sharedReference;

	/** One uninterrupted run on H2 serves every case of the class (its outputs are only read). */
	private Uninterrupted reference() {
		synchronized (DatabaseOutageTest.class) {
			if (sharedReference == null) {
				sharedReference = run(List.of("spring.datasource.url=jdbc:h2:mem:outage-reference;DB_CLOSE_DELAY=-1"),
						"reference", sharedDirectory);
			}
			return sharedReference;
		}
	}

	@TempDir
	static Path sharedDirectory;

	/** Waits until the lease the interrupted run could not give back has expired, as the database says. */
	private static void awaitLeaseExpiry(String url) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (!"0".equals(query(url, "SELECT COUNT(*) FROM EXERCICE_LEASE WHERE HOLDER_ID IS NOT NULL"
				+ " AND EXPIRES_AT > LOCALTIMESTAMP"))) {
			assertThat(System.nanoTime()).as("the lease expires").isLessThan(deadline);
			Thread.sleep(500);
		}
	}

	/**
	 * The state the issue met after outages of 20 to 150 s: the run's execution and the step whose
	 * end could not be recorded left UNKNOWN (set here as Spring Batch leaves them, from the
	 * statements step on). Spring Batch recovers and restarts neither ("Cannot restart job from
	 * UNKNOWN status"); the same command must recover it, with the reason recorded, and finish it
	 * to the outputs and ledger of an uninterrupted run.
	 */
	@Test
	void anExecutionLeftUnknownIsRecoveredWithItsReasonThenTheSameCommandFinishesIt() throws Exception {
		List<String> h2 = List.of("spring.datasource.url=jdbc:h2:mem:outage-unknown;DB_CLOSE_DELAY=-1");
		Uninterrupted reference = run(List.of("spring.datasource.url=jdbc:h2:mem:outage-unknown-ref;DB_CLOSE_DELAY=-1"),
				"reference");
		try (ConfigurableApplicationContext context = Applications.start(h2)) {
			assertThat(launch(context, "unknown").exitCode()).isEqualTo(ExitCode.OK);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			long execution = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);
			jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN' WHERE JOB_EXECUTION_ID = ?",
					execution);
			jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN' WHERE JOB_EXECUTION_ID = ?"
					+ " AND STEP_NAME IN ('statements', 'runOutputs', 'summaryReport', 'manifest')", execution);

			JobOutcome refusedBefore = launch(context, "unknown");
			assertThat(refusedBefore.exitCode()).as("the same command recovers it first: " + refusedBefore.message())
				.isEqualTo(ExitCode.OK);
			assertThat(jdbc.queryForObject("SELECT EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
					String.class, execution))
				.as("the reason is recorded with the execution")
				.contains("UNKNOWN", "base de données");
			assertThat(LedgerRows.of(context)).isEqualTo(reference.ledger());
		}
		OutputTrees.assertSame(reference.output(), this.work.resolve("unknown"));
	}

	record Uninterrupted(Path output, List<String> ledger) {
	}

	private Uninterrupted run(List<String> settings, String name) {
		return run(settings, name, this.work);
	}

	private static Uninterrupted run(List<String> settings, String name, Path directory) {
		try (ConfigurableApplicationContext context = Applications.start(settings)) {
			JobOutcome outcome = launch(context, directory.resolve(name));
			assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
			return new Uninterrupted(directory.resolve(name), LedgerRows.of(context));
		}
	}

	private JobOutcome launch(ConfigurableApplicationContext context, String name) {
		return launch(context, this.work.resolve(name));
	}

	private static JobOutcome launch(ConfigurableApplicationContext context, Path output) {
		return context.getBean(AnnualRunLauncher.class)
			.launch(new AnnualRunLauncher.Request(2024, SAMPLES, output, RuleSetRepository.BUILT_IN, Optional.empty(),
					LocalDate.of(2025, 2, 14)));
	}

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres start(Path data, int port) throws IOException {
		return fr.cds.remuneration.support.EmbeddedPostgres.durable(data, port);
	}

	/**
	 * {@code pg_ctl stop -m immediate}: SIGQUIT to the postmaster, whose pid heads
	 * {@code postmaster.pid}; every connection is cut at once, nothing is shut down cleanly.
	 */
	private static void stopImmediately(Path data) throws Exception {
		String pid = java.nio.file.Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
		Process kill = new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start();
		assertThat(kill.waitFor()).isZero();
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
			assertThat(System.nanoTime()).as("the postmaster stops").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static String query(String url, String sql) {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			return row.next() ? row.getString(1) : "";
		}
		catch (SQLException ex) {
			return ""; // schema not created yet
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
