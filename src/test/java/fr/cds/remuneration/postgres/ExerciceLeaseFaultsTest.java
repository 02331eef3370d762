package fr.cds.remuneration.postgres;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.cli.RunsCommand;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.support.LedgerRows;
import fr.cds.remuneration.support.EmbeddedPostgres;
import fr.cds.remuneration.support.HoldAtStep;
import fr.cds.remuneration.support.OutputTrees;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exercice's lease against a real PostgreSQL (issue 23 §4). A run is held at the start of its
 * balance step by a test hook ({@link HoldAtStep}), alive, while the test cuts its database sessions
 * or lets its lease expire, then launches a second run of the same exercice from another context
 * (another pool, as another process would).
 */
class ExerciceLeaseFaultsTest {

	static final Path SAMPLES = Path.of("input-samples");

	@TempDir
	Path work;

	/**
	 * Every session of the live run cut (pg_terminate_backend, as a database restart or
	 * idle_in_transaction_session_timeout would): the lease lives in a row, not in a session, so a
	 * second launch is still refused with exit 6, 'runs' names the holder, and the live run goes on
	 * to the outputs and ledger of an uninterrupted run.
	 */
	@Test
	void aSecondLaunchIsRefusedWhileTheLiveRunHasLostEverySessionButNotItsLease() throws Exception {
		Uninterrupted reference = reference("lease-cut");
		String url = EmbeddedPostgres.newDatabase("lease_cut");
		HoldAtStep.arm();
		CompletableFuture<JobOutcome> live = CompletableFuture.supplyAsync(() -> {
			try (ConfigurableApplicationContext context = Applications.start(settings(url, "cds.test.hold-at=balance",
					"cds.lease.ttl=10m", "cds.lease.heartbeat=1s"))) {
				return launch(context, "cut");
			}
		});
		try (ConfigurableApplicationContext second = Applications.start(settings(url))) {
			awaitHold(live);
			int cut = terminateOtherSessions(url);
			assertThat(cut).as("sessions of the live run cut").isPositive();

			JobOutcome refused = launch(second, "cut");
			assertThat(refused.exitCode()).as(refused.message()).isEqualTo(ExitCode.ALREADY_RUNNING);
			assertThat(refused.message()).contains("en cours de traitement par", "pid " + ProcessHandle.current().pid());
			assertThat(query(url, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("the live run was not recovered")
				.isEqualTo("1");

			String runs = runs(second);
			assertThat(runs).contains("Exercice 2024 : bail tenu par", "pid " + ProcessHandle.current().pid(),
					"dernier battement").doesNotContain("EXPIRÉ");
		}
		finally {
			HoldAtStep.release();
		}
		JobOutcome finished = live.get(10, TimeUnit.MINUTES);
		assertThat(finished.exitCode()).as(finished.message()).isEqualTo(ExitCode.OK);
		try (ConfigurableApplicationContext context = Applications.start(settings(url))) {
			assertThat(LedgerRows.of(context)).isEqualTo(reference.ledger());
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM EXERCICE_LEASE WHERE HOLDER_ID IS NOT NULL", Integer.class))
				.as("the lease given back").isZero();
		}
		OutputTrees.assertSame(reference.output(), this.work.resolve("cut"));
	}

	/**
	 * A run that stopped renewing its lease (here its heartbeat is off and its lease short) while it
	 * is about to pay: a new launch takes the lease over, recovers the interrupted execution and
	 * finishes it; the old run, let go afterwards, is fenced before writing any payment and exits 6.
	 * Outputs and ledger are those of an uninterrupted run: nothing paid twice.
	 */
	@Test
	void aRunWhoseLeaseWasTakenOverStopsBeforePayingAndTheNewHolderFinishes() throws Exception {
		Uninterrupted reference = reference("lease-taken");
		String url = EmbeddedPostgres.newDatabase("lease_taken");
		HoldAtStep.arm();
		CompletableFuture<JobOutcome> stale = CompletableFuture.supplyAsync(() -> {
			try (ConfigurableApplicationContext context = Applications.start(settings(url, "cds.test.hold-at=balance",
					"cds.lease.ttl=1s", "cds.lease.heartbeat=0s"))) {
				return launch(context, "taken");
			}
		});
		try {
			awaitHold(stale);
			awaitExpired(url);
			try (ConfigurableApplicationContext second = Applications.start(settings(url))) {
				JobOutcome newHolder = launch(second, "taken");
				assertThat(newHolder.exitCode()).as(newHolder.message()).isEqualTo(ExitCode.OK);
			}
		}
		finally {
			HoldAtStep.release();
		}
		JobOutcome fenced = stale.get(10, TimeUnit.MINUTES);
		assertThat(fenced.exitCode()).as(fenced.message()).isEqualTo(ExitCode.ALREADY_RUNNING);
		assertThat(fenced.message()).contains("n'a plus le bail de l'exercice 2024", "rien n'a été payé");
		try (ConfigurableApplicationContext context = Applications.start(settings(url))) {
			assertThat(LedgerRows.of(context)).as("the ledger of an uninterrupted run, nothing paid twice")
				.isEqualTo(reference.ledger());
		}
		OutputTrees.assertSame(reference.output(), this.work.resolve("taken"));
	}

	record Uninterrupted(Path output, List<String> ledger) {
	}

	private Uninterrupted reference(String name) {
		try (ConfigurableApplicationContext context = Applications
			.start(List.of("spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"))) {
			JobOutcome outcome = launch(context, "reference");
			assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
			return new Uninterrupted(this.work.resolve("reference"), LedgerRows.of(context));
		}
	}

	private static List<String> settings(String url, String... more) {
		return Stream.concat(Stream.of("spring.profiles.active=postgres", "CDS_DB_URL=" + url, "CDS_DB_USER=postgres",
				"CDS_DB_PASSWORD=postgres", "CDS_DB_POOL_SIZE=4"), Stream.of(more)).toList();
	}

	private JobOutcome launch(ConfigurableApplicationContext context, String name) {
		return context.getBean(AnnualRunLauncher.class)
			.launch(new AnnualRunLauncher.Request(2024, SAMPLES, this.work.resolve(name), RuleSetRepository.BUILT_IN,
					Optional.empty(), LocalDate.of(2025, 2, 14)));
	}

	private static String runs(ConfigurableApplicationContext context) {
		PrintStream out = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			context.getBean(RunsCommand.class).call();
		}
		finally {
			System.setOut(out);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

	/** Waits until the held run reaches its hold; fails, saying why, if it ended first. */
	private static void awaitHold(CompletableFuture<JobOutcome> run) throws InterruptedException {
		while (!HoldAtStep.reached()) {
			assertThat(run.isDone()).as("the run ended before its hold: %s", run.isDone() ? run.join().message() : "")
				.isFalse();
			Thread.sleep(100);
		}
	}

	/** Cuts every session of the database but this one's, as a restart or a session timeout would. */
	private static int terminateOtherSessions(String url) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
						+ " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
			row.next();
			return row.getInt(1);
		}
	}

	/** Waits until the lease's recorded expiry has passed (the holder's heartbeat is off). */
	private static void awaitExpired(String url) throws Exception {
		Instant expires = Instant.parse("9999-12-31T00:00:00Z");
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT EXPIRES_AT FROM EXERCICE_LEASE WHERE EXERCICE = 2024")) {
			if (row.next()) {
				Timestamp at = row.getTimestamp(1);
				expires = at.toInstant();
			}
		}
		assertThat(expires).as("the lease's expiry").isBefore(Instant.now().plus(Duration.ofMinutes(1)));
		while (!Instant.now().isAfter(expires)) {
			Thread.sleep(100); // waits for the recorded expiry itself, an event of the clock
		}
	}

	private static String query(String url, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			return row.next() ? row.getString(1) : "";
		}
	}

}
