package fr.cds.remuneration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.Application;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded ledger is one per installation, whatever the working directory (issue 15 §4), and
 * a locked database is one French line (§8). Each launch is a real process, started as an operator
 * starts it: in a working directory, with {@code CDS_HOME} and without {@code CDS_DB_URL}.
 * <p>
 * Before the fix the database was {@code ./data} in the working directory: the second launch,
 * from another directory, found an empty ledger and paid the exercice a second time (exit 0).
 */
class InstallationLedgerTest {

	static final Path SMALL = Path.of("src/test/resources/annual/small").toAbsolutePath();

	@TempDir
	Path work;

	@Test
	void theSameExerciceLaunchedFromTwoWorkingDirectoriesIsRefusedTheSecondTime() throws Exception {
		Path home = this.work.resolve("cds-home");
		Path first = Files.createDirectories(this.work.resolve("first"));
		Path second = Files.createDirectories(this.work.resolve("second"));

		Launch paid = launch(first, home, List.of());
		assertThat(paid.exitCode()).as(paid.output()).isZero();
		assertThat(home.resolve("data/cds-remuneration.mv.db")).as("the ledger is in CDS_HOME").exists();
		assertThat(first.resolve("data")).as("not in the working directory").doesNotExist();

		Launch again = launch(second, home, List.of());
		assertThat(again.exitCode()).as(again.output()).isEqualTo(ExitCode.ALREADY_COMPLETED.code());
		assertThat(second.resolve("output/2024/payments.csv")).as("no second payment file").doesNotExist();
	}

	@Test
	void aLockedDatabaseIsOneFrenchLineWithoutStackTrace() throws Exception {
		Path database = this.work.resolve("locked/cds");
		// an embedded connection without AUTO_SERVER holds the file's lock for as long as it is open
		try (Connection holder = DriverManager.getConnection("jdbc:h2:file:" + database, "sa", "")) {
			Launch launch = launch(Files.createDirectories(this.work.resolve("wd")), this.work.resolve("home"),
					List.of("CDS_DB_URL=jdbc:h2:file:" + database + ";WRITE_DELAY=0"));

			assertThat(launch.exitCode()).as(launch.output()).isEqualTo(ExitCode.ALREADY_RUNNING.code());
			assertThat(launch.output().strip()).doesNotContain("\n").doesNotContain("Exception")
				.startsWith("Base de données verrouillée");
		}
	}

	private static Launch launch(Path workingDirectory, Path home, List<String> environment)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dcds.input.max-declaration-reject-rate=0.2",
				"-Dcds.input.max-patient-reject-rate=0.2", "-cp", System.getProperty("java.class.path"),
				Application.class.getName(), "run", "--exercice", "2024", "--input", SMALL.toString(), "--output",
				"output", "--extraction-date", "2025-02-14"));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().remove("CDS_DB_URL");
		builder.environment().put("CDS_HOME", home.toString());
		for (String variable : environment) {
			String[] nameValue = variable.split("=", 2);
			builder.environment().put(nameValue[0], nameValue[1]);
		}
		builder.directory(workingDirectory.toFile());
		builder.redirectErrorStream(true);
		Path log = workingDirectory.resolve("launch-" + System.nanoTime() + ".log");
		builder.redirectOutput(log.toFile());
		Process process = builder.start();
		// a bound against a hung process, not a timing
		assertThat(process.waitFor(30, TimeUnit.MINUTES)).as("still running after 30 minutes").isTrue();
		return new Launch(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	record Launch(int exitCode, String output) {
	}

}
