package fr.cds.remuneration.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.paymentimport.PaymentImport;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 §7 on a fresh installation (no run, empty ledger): no centre is known, so an import
 * cannot be checked against the centres and is refused as a whole with one French line, unless a
 * centres.csv is given with {@code --centres}; then a centre absent from it is still refused.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:ledger-fresh" })
class PaymentImportFreshInstallTest {

	private static final String HEADER = "finess;exercice;nature;montant_eur;date_paiement;reference\n";

	@Autowired
	PaymentImport paymentImport;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path directory;

	@BeforeEach
	void freshInstallation() {
		RunTables.empty(this.jdbc);
	}

	@Test
	void withoutACentresFileNothingIsImportedAndTheMessageSaysWhatToGive() throws IOException {
		Path file = file("avances.csv", HEADER + "750000101;2024;AVANCE;12000,00;2024-06-28;AV-2024-0001\n");

		JobOutcome outcome = this.paymentImport.importFile(file, this.directory.resolve("rejects.csv"));

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(outcome.message()).contains("avances.csv : installation sans aucun centre connu",
				"Rien n'a été importé", "--centres <centres.csv>");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM PAYMENT_LEDGER", Integer.class)).isZero();
	}

	@Test
	void withACentresFileItsCentresAreKnownAndOthersStillRefused() throws IOException {
		Path centres = file("centres.csv", "finess;raison_sociale\n750000101;Centre A\n");
		Path file = file("avances.csv", HEADER + "750000101;2024;AVANCE;12000,00;2024-06-28;AV-2024-0001\n"
				+ "690000104;2024;AVANCE;12000,00;2024-06-28;AV-2024-0002\n");

		JobOutcome refused = this.paymentImport.importFile(file, this.directory.resolve("rejects.csv"), Optional.empty(),
				Optional.of(centres));

		assertThat(refused.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		List<List<String>> rejects = CsvFiles.rows(this.directory.resolve("rejects.csv"));
		assertThat(rejects).hasSize(2);
		assertThat(rejects.get(1).get(1) + " " + rejects.get(1).get(3)).isEqualTo("3 finess");
		assertThat(rejects.get(1).get(5)).startsWith("centre inconnu");

		Path known = file("avances-a.csv", HEADER + "750000101;2024;AVANCE;12000,00;2024-06-28;AV-2024-0001\n");
		JobOutcome imported = this.paymentImport.importFile(known, this.directory.resolve("rejects.csv"),
				Optional.empty(), Optional.of(centres));
		assertThat(imported.exitCode()).as(imported.message()).isEqualTo(ExitCode.OK);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM PAYMENT_LEDGER", Integer.class)).isEqualTo(1);
	}

	@Test
	void aCentresFileWithAnInvalidFinessRefusesTheImport() throws IOException {
		Path centres = file("centres.csv", "finess;raison_sociale\n750000102;Clé fausse\n");
		Path file = file("avances.csv", HEADER + "750000101;2024;AVANCE;12000,00;2024-06-28;AV-2024-0001\n");

		JobOutcome outcome = this.paymentImport.importFile(file, this.directory.resolve("rejects.csv"),
				Optional.empty(), Optional.of(centres));

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(outcome.message()).contains("centres.csv:2", "pas un numéro FINESS valide");
	}

	private Path file(String name, String content) throws IOException {
		Path file = this.directory.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

}
