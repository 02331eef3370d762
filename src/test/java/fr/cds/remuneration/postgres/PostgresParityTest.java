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

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.reprocess.ReprocessLauncher;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.support.EmbeddedPostgres;
import fr.cds.remuneration.support.OutputTrees;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same annual run and re-processing on the embedded default (H2) and on a real PostgreSQL
 * server, from fresh databases: every output file but the run reports (which hold timings, and
 * their checksums in the manifests) must be identical to the byte, and so must the payment ledger.
 */
class PostgresParityTest {

	static final Path SAMPLES = Path.of("input-samples");

	/** A copy of the shipped rules (version A) and an avenant changing two values (version B). */
	static final String RULES = "src/test/resources/reprocess/rulesets";

	@TempDir
	Path work;

	@Test
	void theAnnualRunAndAReprocessingGiveByteIdenticalOutputsAndLedgerOnH2AndPostgres() throws IOException {
		Run h2 = annualRunThenReprocessing(List.of("spring.datasource.url=jdbc:h2:mem:parity;DB_CLOSE_DELAY=-1"), "h2");
		Run postgres = annualRunThenReprocessing(postgresProfile(EmbeddedPostgres.newDatabase("parity")), "postgres");

		assertThat(postgres.ledger()).hasSizeGreaterThan(36).isEqualTo(h2.ledger());
		assertThat(h2.ledger()).anyMatch(entry -> entry.contains("REGULARISATION"));
		assertSameFiles(h2.output(), postgres.output());
	}

	private static void assertSameFiles(Path h2, Path postgres) throws IOException {
		List<Path> files = outputFiles(h2);
		assertThat(files).hasSizeGreaterThan(80).anyMatch(f -> f.toString().contains("regularisations"));
		OutputTrees.assertSameButRunReports(h2, postgres);
	}

	/** The production profile, pointed at a test database through the documented variables. */
	static List<String> postgresProfile(String jdbcUrl) {
		return List.of("spring.profiles.active=postgres", "CDS_DB_URL=" + jdbcUrl, "CDS_DB_USER=postgres",
				"CDS_DB_PASSWORD=postgres");
	}

	/** The outputs of the runs and the ledger entries they recorded, dates left out. */
	record Run(Path output, List<String> ledger) {
	}

	private Run annualRunThenReprocessing(List<String> database, String name) {
		Path output = this.work.resolve(name);
		try (ConfigurableApplicationContext context = Applications.start(database)) {
			assertThat(databaseProduct(context)).isEqualTo(name.equals("h2") ? "H2" : "PostgreSQL");
			JobOutcome annual = context.getBean(AnnualRunLauncher.class)
				.launch(new AnnualRunLauncher.Request(2024, SAMPLES, output, RULES, Optional.of("accord-2015@2026.1"),
						LocalDate.of(2025, 2, 14)));
			assertThat(annual.exitCode()).as(annual.message()).isEqualTo(ExitCode.OK);
			JobOutcome reprocessing = context.getBean(ReprocessLauncher.class)
				.launch(new ReprocessLauncher.Request(2024, Optional.of("accord-2015@2026.2"), RULES, List.of(),
						Optional.empty(), Optional.empty(), output, Optional.of("avenant-6")));
			assertThat(reprocessing.exitCode()).as(reprocessing.message()).isEqualTo(ExitCode.OK);
			List<String> ledger = context.getBean(JdbcTemplate.class)
				.query("SELECT REFERENCE, FINESS, EXERCICE, STREAM, KIND, AMOUNT_EUR, RULESET, RUN_ID, JOB_NAME, ORIGIN,"
						+ " STATUS FROM PAYMENT_LEDGER ORDER BY REFERENCE", (rs, i) -> String.join("|", rs.getString(1),
								rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
								rs.getBigDecimal(6).toPlainString(), rs.getString(7), rs.getString(8), rs.getString(9),
								rs.getString(10), rs.getString(11)));
			return new Run(output, ledger);
		}
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
