package fr.cds.remuneration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.support.OutputTrees;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar (after {@code package}: {@code mvn verify} runs this class, the other tests run
 * before the jar exists and start the ordinary way): its commands start from the context Spring AOT
 * prepared at build time when the launch's configuration is the one it froze, the ordinary way
 * otherwise, and both give the same outputs, lines and exit codes.
 */
class PackagedJarIT {

	private static final Path JAR = Path.of("target", "cds-remuneration.jar");

	private static final String PREPARED = "prepared start (Spring AOT)";

	@TempDir
	Path work;

	@Test
	void theAnnualRunStartsPreparedAndGivesTheOrdinaryStartsOutputs() throws Exception {
		Launch prepared = launch(Map.of(), "prepared", "run", "--exercice", "2024", "--input", "input-samples",
				"--output", this.work.resolve("out-prepared").toString(), "--extraction-date", "2025-02-14");
		Launch ordinary = launch(Map.of(AotStart.SWITCH, "off"), "ordinary", "run", "--exercice", "2024", "--input",
				"input-samples", "--output", this.work.resolve("out-ordinary").toString(), "--extraction-date",
				"2025-02-14");

		assertThat(prepared.exitCode()).as(prepared.output()).isZero();
		assertThat(ordinary.exitCode()).as(ordinary.output()).isZero();
		assertThat(prepared.output()).contains(PREPARED);
		assertThat(ordinary.output()).doesNotContain(PREPARED);
		// the README's figure for the samples (French grouping: the separators are non-breaking spaces)
		assertThat(Files.readString(this.work.resolve("out-prepared/2024/run-report.txt")))
			.containsPattern("Total des relevés +: 1.841.349,04.€");
		OutputTrees.assertSame(this.work.resolve("out-ordinary"), this.work.resolve("out-prepared"));

		// another command, on the home the run left: the same lines either way
		Launch runsPrepared = launch(Map.of(), "prepared", "runs");
		Launch runsOrdinary = launch(Map.of(AotStart.SWITCH, "off"), "prepared", "runs");
		assertThat(runsPrepared.output()).contains(PREPARED);
		assertThat(runsPrepared.exitCode()).isZero();
		assertThat(runsPrepared.lines()).isEqualTo(runsOrdinary.lines()).isNotEmpty();
	}

	@Test
	void helpStartsPreparedAndListsEveryCommand() throws Exception {
		Launch help = launch(Map.of(), "help", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.output()).contains(PREPARED).contains("  run ", "  serve ", "  reprocess ", "  worker ");
	}

	@Test
	void anotherConfigurationStartsTheOrdinaryWay() throws Exception {
		Launch profile = launch(Map.of("SPRING_PROFILES_ACTIVE", "remote-partitioning", "CDS_BROKER_URL",
				"tcp://127.0.0.1:1"), "profile", "runs");
		assertThat(profile.output()).doesNotContain(PREPARED)
			.contains("ordinary start: active profiles remote-partitioning");
		assertThat(profile.exitCode()).as(profile.output()).isZero();

		Launch setting = launch(Map.of("SPRING_MAIN_BANNER_MODE", "off"), "setting", "runs");
		assertThat(setting.output()).doesNotContain(PREPARED)
			.contains("ordinary start: setting SPRING_MAIN_BANNER_MODE in systemEnvironment");
		assertThat(setting.exitCode()).as(setting.output()).isZero();

		// empty, it empties the jar's list of excluded auto-configurations: not the frozen context
		Launch emptied = launch(Map.of("SPRING_AUTOCONFIGURE_EXCLUDE", ""), "emptied", "runs");
		assertThat(emptied.output()).doesNotContain(PREPARED)
			.contains("ordinary start: setting SPRING_AUTOCONFIGURE_EXCLUDE in systemEnvironment");
	}

	/**
	 * Production's database given by its URL alone (no profile): the prepared start, whose beans were
	 * frozen with the default H2 URL, runs on PostgreSQL (the data source, Flyway's PostgreSQL support
	 * and the job repository's dialect are chosen at run time, not by a frozen condition).
	 */
	@Test
	void theProductionDatabaseGivenByItsUrlStartsPrepared() throws Exception {
		String url = fr.cds.remuneration.support.EmbeddedPostgres.newDatabase("packaged");
		Launch run = launch(Map.of("CDS_DB_URL", url, "CDS_DB_USER", "postgres", "CDS_DB_PASSWORD", "postgres"), "postgres",
				"run", "--exercice", "2024", "--input", "input-samples", "--output", this.work.resolve("out-postgres").toString(),
				"--extraction-date", "2025-02-14");

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains(PREPARED);
		assertThat(Files.readString(this.work.resolve("out-postgres/2024/run-report.txt")))
			.containsPattern("Total des relevés +: 1.841.349,04.€");
		// the results are in PostgreSQL, in their binary form, not in an H2 file under the home
		try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
				java.sql.ResultSet rs = connection.createStatement()
					.executeQuery("SELECT COUNT(*), COUNT(RESULT_BIN) FROM CENTRE_RESULT")) {
			rs.next();
			assertThat(rs.getLong(1)).isPositive().isEqualTo(rs.getLong(2));
		}
		try (java.util.stream.Stream<Path> files = Files.walk(this.work.resolve("home-postgres"))) {
			assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".mv.db"));
		}
	}

	/** The packaged jar with {@code args}, on the home named {@code home} under this test's directory. */
	private Launch launch(Map<String, String> variables, String home, String... args)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dlogging.level.fr.cds.remuneration.AotStart=DEBUG", "-jar", JAR.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("CDS_"));
		builder.environment().put("CDS_HOME", this.work.resolve("home-" + home).toString());
		builder.environment().putAll(variables);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Launch(process.waitFor(), output);
	}

	private record Launch(int exitCode, String output) {

		/** The lines without their time of day. */
		List<String> lines() {
			return output.lines()
				.filter(line -> !line.contains("AotStart"))
				.map(line -> line.replaceAll("\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?", ""))
				.toList();
		}

	}

}
