package fr.cds.remuneration.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import fr.cds.remuneration.Application;
import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.cli.ExitCode;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same annual run on the embedded default (H2) and on a real PostgreSQL server, from fresh
 * databases: every output file but the run report (which holds timings) must be identical to
 * the byte.
 */
class PostgresParityTest {

	static final Path SAMPLES = Path.of("input-samples");

	@TempDir
	Path work;

	@Test
	void theAnnualRunGivesByteIdenticalOutputsOnH2AndPostgres() throws IOException {
		Path h2 = annualRun(List.of("spring.datasource.url=jdbc:h2:mem:parity;DB_CLOSE_DELAY=-1"), "h2");
		Path postgres = annualRun(postgresProfile(EmbeddedPostgres.newDatabase("parity")), "postgres");

		List<Path> files = outputFiles(h2);
		assertThat(files).hasSizeGreaterThan(80);
		assertThat(outputFiles(postgres)).isEqualTo(files);
		for (Path file : files) {
			if (!file.getFileName().toString().equals("run-report.txt")) {
				assertThat(Files.readAllBytes(postgres.resolve(file)))
					.as("%s differs between H2 and PostgreSQL", file)
					.isEqualTo(Files.readAllBytes(h2.resolve(file)));
			}
		}
	}

	/** The production profile, pointed at a test database through the documented variables. */
	static List<String> postgresProfile(String jdbcUrl) {
		return List.of("spring.profiles.active=postgres", "CDS_DB_URL=" + jdbcUrl, "CDS_DB_USER=postgres",
				"CDS_DB_PASSWORD=postgres");
	}

	private Path annualRun(List<String> database, String name) {
		Path output = this.work.resolve(name);
		try (ConfigurableApplicationContext context = start(database)) {
			assertThat(databaseProduct(context)).isEqualTo(name.equals("h2") ? "H2" : "PostgreSQL");
			JobOutcome outcome = context.getBean(AnnualRunLauncher.class)
				.launch(new AnnualRunLauncher.Request(2024, SAMPLES, output, RuleSetRepository.BUILT_IN, Optional.empty(),
						LocalDate.of(2025, 2, 14)));
			assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		}
		return output;
	}

	/** Starts the application with {@code properties} given as command-line properties (they win). */
	static ConfigurableApplicationContext start(List<String> properties) {
		String[] arguments = Stream.concat(Stream.of("cds.cli.enabled=false"), properties.stream())
			.map(property -> "--" + property)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(Application.class).run(arguments);
	}

	static String databaseProduct(ConfigurableApplicationContext context) {
		try (Connection connection = context.getBean(DataSource.class).getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Path> outputFiles(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
		}
	}

}
