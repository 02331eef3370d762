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
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.ExecutionControl;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.support.OutputTrees;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL outage in the middle of a run, as operations meet it: the server stopped while the
 * run computes and brought back 10 s later, on its own data directory. Whatever state the run was
 * left in (UNKNOWN when Spring Batch could not record a step's end, FAILED, or still marked
 * running), {@code recover} and then the same command finish it, with no SQL by hand, to the
 * outputs and the ledger of an uninterrupted run.
 */
class DatabaseOutageTest {

	static final Path SAMPLES = Path.of("input-samples");

	@TempDir
	Path work;

	@Test
	void theDatabaseStopsMidRunThenRecoverAndTheSameCommandFinishItToTheSameOutputs() throws Exception {
		Uninterrupted reference = run(List.of("spring.datasource.url=jdbc:h2:mem:outage-reference;DB_CLOSE_DELAY=-1"),
				"reference");
		int port = freePort();
		Path data = this.work.resolve("pgdata");
		io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = start(data, port);
		String url = server.getJdbcUrl("postgres", "postgres");
		List<String> settings = List.of("spring.profiles.active=postgres", "CDS_DB_URL=" + url, "CDS_DB_USER=postgres",
				"CDS_DB_PASSWORD=postgres", "CDS_DB_POOL_SIZE=4");
		try {
			CompletableFuture<JobOutcome> interrupted = CompletableFuture.supplyAsync(() -> {
				try (ConfigurableApplicationContext context = Applications.start(settings)) {
					return launch(context, "outage");
				}
			});
			awaitStep(url, "compute", interrupted);
			stopImmediately(data);
			server.close();
			Thread.sleep(Duration.ofSeconds(10).toMillis()); // the outage itself, not a wait for an event
			server = start(data, port);
			JobOutcome first = interrupted.get(5, TimeUnit.MINUTES);
			String left = query(url, "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1");
			System.out.println("Run interrupted by the outage: exit " + first.exitCode() + ", execution left " + left);

			try (ConfigurableApplicationContext context = Applications.start(settings)) {
				if (!"COMPLETED".equals(left) && !"FAILED".equals(left)) {
					long execution = Long.parseLong(
							query(url, "SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC LIMIT 1"));
					JobOutcome recovered = context.getBean(ExecutionControl.class).recover(execution);
					assertThat(recovered.message()).as("recover after an outage").doesNotContain("rien à reprendre");
					assertThat(query(url, "SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + execution))
						.isEqualTo("FAILED");
				}
				JobOutcome again = launch(context, "outage");
				assertThat(again.exitCode()).as(again.message()).isEqualTo(
						"COMPLETED".equals(left) ? ExitCode.ALREADY_COMPLETED : ExitCode.OK);
				assertThat(ledger(context)).as("the ledger of an uninterrupted run, nothing paid twice")
					.isEqualTo(reference.ledger());
			}
			OutputTrees.assertSame(reference.output(), this.work.resolve("outage"));
		}
		finally {
			server.close();
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
			assertThat(ledger(context)).isEqualTo(reference.ledger());
		}
		OutputTrees.assertSame(reference.output(), this.work.resolve("unknown"));
	}

	record Uninterrupted(Path output, List<String> ledger) {
	}

	private Uninterrupted run(List<String> settings, String name) {
		try (ConfigurableApplicationContext context = Applications.start(settings)) {
			JobOutcome outcome = launch(context, name);
			assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
			return new Uninterrupted(this.work.resolve(name), ledger(context));
		}
	}

	private JobOutcome launch(ConfigurableApplicationContext context, String name) {
		return context.getBean(AnnualRunLauncher.class)
			.launch(new AnnualRunLauncher.Request(2024, SAMPLES, this.work.resolve(name), RuleSetRepository.BUILT_IN,
					Optional.empty(), LocalDate.of(2025, 2, 14)));
	}

	private static List<String> ledger(ConfigurableApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.query("SELECT REFERENCE, FINESS, STREAM, KIND, AMOUNT_EUR, STATUS FROM PAYMENT_LEDGER ORDER BY REFERENCE",
					(rs, i) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getBigDecimal(5).toPlainString(), rs.getString(6)));
	}

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres start(Path data, int port) throws IOException {
		return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
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

	/** Waits until the run has started the step; fails if the run ended first. */
	private static void awaitStep(String url, String step, CompletableFuture<JobOutcome> run) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
		while (!"1".equals(query(url, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '" + step + "'"))) {
			assertThat(run.isDone()).as("the run ended before step %s: %s", step, run.isDone() ? run.get().message() : "")
				.isFalse();
			assertThat(System.nanoTime()).as("step %s never started", step).isLessThan(deadline);
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
