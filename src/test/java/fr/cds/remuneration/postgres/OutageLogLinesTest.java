package fr.cds.remuneration.postgres;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.support.HoldAtStep;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the console says when PostgreSQL goes away in the middle of a run (issue 23 §1): one French
 * line per cause of each failure logged, no stack trace; the stack traces are in the log file.
 * The run is held at the start of its statements step ({@link HoldAtStep}), the server stopped
 * ({@code -m immediate}), then the run let go: it fails on its next statement.
 */
class OutageLogLinesTest {

	@TempDir
	Path work;

	@Test
	void aDatabaseOutageIsToldOneFrenchLinePerCauseWithTheStackTracesInTheLogFile() throws Exception {
		Path data = this.work.resolve("pgdata");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = fr.cds.remuneration.support.EmbeddedPostgres
			.durable(data, port);
		Path logFile = this.work.resolve("logs/cds.log");
		List<String> settings = List.of("spring.profiles.active=postgres",
				"CDS_DB_URL=" + server.getJdbcUrl("postgres", "postgres"), "CDS_DB_USER=postgres",
				"CDS_DB_PASSWORD=postgres", "CDS_DB_POOL_SIZE=4", "spring.datasource.hikari.connection-timeout=2000",
				"logging.file.name=" + logFile, "cds.test.hold-at=statements");
		HoldAtStep.arm();
		PrintStream console = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		JobOutcome outcome;
		try {
			CompletableFuture<JobOutcome> run = CompletableFuture.supplyAsync(() -> {
				try (ConfigurableApplicationContext context = Applications.start(settings)) {
					return context.getBean(AnnualRunLauncher.class)
						.launch(new AnnualRunLauncher.Request(2024, Path.of("input-samples"), this.work.resolve("out"),
								RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14)));
				}
			});
			while (!HoldAtStep.reached()) {
				// an explicit wait on the run's progress: it reaches the hold, or it ended first (says why)
				assertThat(run.isDone()).as("the run ended before its statements step: %s",
						run.isDone() ? run.join().message() : "").isFalse();
				Thread.sleep(100);
			}
			stopImmediately(data);
			System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
			HoldAtStep.release();
			outcome = run.get(10, TimeUnit.MINUTES);
		}
		finally {
			System.setOut(console);
			HoldAtStep.release();
			server.close();
		}
		List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
		System.out.println("Console during the outage (" + lines.size() + " lines):\n" + String.join("\n", lines));
		// the run did not complete (whether it ends FAILED, UNKNOWN or refused its next launch is DatabaseOutageTest's)
		assertThat(outcome.exitCode()).as(outcome.message()).isNotEqualTo(ExitCode.OK);
		assertThat(lines).as("no stack frame on the console").noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by:"));
		assertThat(lines).as("the cause, in French").anyMatch(l -> l.contains("cause : base de données injoignable"));
		List<String> causes = lines.stream().filter(l -> l.startsWith("    cause : ")).toList();
		assertThat(causes).as("a cause is said once per failure logged, not repeated by its wrappers")
			.allMatch(c -> lines.stream().filter(c::equals).count() <= lines.stream().filter(l -> l.contains(" ERROR ")
					|| l.contains(" WARN ")).count());
		assertThat(lines.size()).as("a few lines, not hundreds").isLessThan(60);
		assertThat(Files.readString(logFile)).as("the stack traces, in the log file").contains("\tat ");
	}

	private static void stopImmediately(Path data) throws Exception {
		String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip();
		assertThat(new ProcessBuilder("kill", "-QUIT", pid).inheritIO().start().waitFor()).isZero();
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		while (ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false)) {
			assertThat(System.nanoTime()).as("the postmaster stops").isLessThan(deadline);
			Thread.sleep(50);
		}
	}


}
