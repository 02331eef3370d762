package fr.cds.remuneration.ledger;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.paymentimport.PaymentImport;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:ledger" })
class PaymentImportTest {

	private static final String HEADER = "finess;exercice;nature;montant_eur;date_paiement;reference\n";

	@Autowired
	PaymentImport paymentImport;

	@Autowired
	PaymentLedger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path directory;

	@BeforeEach
	void emptyLedger() {
		RunTables.empty(this.jdbc);
		// the centres a run of this installation accepted: imports for others are refused
		for (String finess : List.of("750000101", "2A0000016", "690000104")) {
			this.jdbc.update("INSERT INTO RUN_CENTRE (RUN_ID, FINESS, CENTRE_TYPE, REGION_CODE, SOURCE_LINE, CENTRE_JSON)"
					+ " VALUES (1, ?, 'M', '11', 2, '{}')", finess);
		}
	}

	@Test
	void anExponentAnUnknownCentreAndASecondImportOfOnePaymentAreRefused() throws IOException {
		Path file = file("avances.csv", HEADER + "750000101;2024;AVANCE;1e3;2024-06-28;AV-2024-0001\n"
				+ "330000019;2024;AVANCE;12000,00;2024-06-28;AV-2024-0002\n"
				+ "2A0000016;2024;AVANCE;12000,00;2024-06-28;AV-2024-0003\n"
				+ "2A0000016;2024;AVANCE;12000.00;2024-06-28;AV-2024-0004\n");

		JobOutcome outcome = this.paymentImport.importFile(file, rejects());

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(outcome.message()).contains("4 ligne(s) lue(s), 1 acceptée(s), 3 rejetée(s)");
		List<List<String>> rejects = CsvFiles.rows(rejects());
		assertThat(rejects.subList(1, rejects.size())).extracting(r -> r.get(1) + " " + r.get(3)).containsExactly(
				"2 montant_eur", "3 finess", "5 reference");
		assertThat(rejects.get(2).get(5)).startsWith("centre inconnu");
		assertThat(rejects.get(3).get(5)).startsWith("même paiement déjà enregistré sous la référence AV-2024-0003");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM PAYMENT_LEDGER", Integer.class)).isZero();
	}

	@Test
	void thePaymentAlreadyInTheLedgerUnderAnotherReferenceIsRefusedUnlessAReasonIsGiven() throws IOException {
		this.paymentImport.importFile(file("avances.csv", HEADER + "2A0000016;2024;AVANCE;12000;2024-06-28;AV-1\n"),
				rejects());
		Path again = file("avances-bis.csv", HEADER + "2A0000016;2024;AVANCE;12000;2024-06-28;AV-2024-BIS\n");

		JobOutcome refused = this.paymentImport.importFile(again, rejects());
		JobOutcome forced = this.paymentImport.importFile(again, rejects(), Optional.of("deux avances versées le même jour"));

		assertThat(refused.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(forced.exitCode()).as(forced.message()).isEqualTo(ExitCode.OK);
		assertThat(this.ledger.entry("AV-2024-BIS").orElseThrow().origin())
			.endsWith("doublon de AV-1 accepté : deux avances versées le même jour");
		assertThat(this.jdbc.queryForObject("SELECT SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER", BigDecimal.class))
			.isEqualByComparingTo("24000.00");
	}

	@Test
	void paidAmountsAreRecordedOnceWithTheirDatesEvenWhenTheFileIsImportedTwice() throws IOException {
		Path file = file("avances.csv", HEADER + "750000101;2024;AVANCE;12000,00;2024-06-28;AV-2024-0001\n\n"
				+ "2A0000016;2024;avance;15340.5;2024-06-28;AV-2024-0002\n");

		JobOutcome first = this.paymentImport.importFile(file, rejects());

		assertThat(first.exitCode()).as(first.message()).isEqualTo(ExitCode.OK);
		assertThat(first.message()).contains("2 ligne(s) lue(s), 2 acceptée(s), 0 rejetée(s) ; 2 ajoutée(s) au registre des paiements, 0 déjà");
		LedgerEntry entry = this.ledger.entry("AV-2024-0002").orElseThrow();
		assertThat(entry.finess()).isEqualTo("2A0000016");
		assertThat(entry.kind()).isEqualTo(PaymentKind.AVANCE);
		assertThat(entry.amountEuros()).isEqualByComparingTo("15340.50");
		assertThat(entry.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(entry.paidOn()).isEqualTo(LocalDate.of(2024, 6, 28));
		assertThat(entry.runId()).isNull();
		assertThat(entry.origin()).startsWith("import avances.csv (sha256 ").endsWith(" ligne 4");

		JobOutcome again = this.paymentImport.importFile(file, rejects());

		assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
		assertThat(again.message()).contains("0 ajoutée(s) au registre des paiements, 2 déjà inscrite(s)");
		assertThat(this.jdbc.queryForObject("SELECT SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER", BigDecimal.class))
			.isEqualByComparingTo("27340.50");
	}

	@Test
	void oneBadRowImportsNothingAndEveryProblemIsListedWithItsLineFieldAndReason() throws IOException {
		this.ledger.record(new LedgerEntry("AV-2024-0009", "690000104", 2024, PaymentStream.FORFAIT, PaymentKind.AVANCE,
				new BigDecimal("100.00"), null, null, null, "test", PaymentStatus.PAID, LocalDate.of(2024, 6, 1),
				LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 1)));
		Path file = file("avances.csv", HEADER + "750000101;2024;AVANCE;12000,00;2024-06-28;AV-2024-0001\n"
				+ "75000010;2024;ACOMPTE;12000,001;2024-13-01;AV-2024-0002\n"
				+ "690000104;2024;AVANCE;0;2099-01-01;AV-2024-0001\n"
				+ "690000104;2024;AVANCE;200.00;2024-06-01;AV-2024-0009\n");

		JobOutcome outcome = this.paymentImport.importFile(file, rejects());

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(outcome.message()).contains("4 ligne(s) lue(s), 1 acceptée(s), 3 rejetée(s)", "Rien n'a été importé");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM PAYMENT_LEDGER", Integer.class)).isEqualTo(1);
		List<List<String>> rejects = CsvFiles.rows(rejects());
		assertThat(rejects.subList(1, rejects.size())).extracting(r -> r.get(1) + " " + r.get(3)).containsExactly(
				"3 finess", "3 nature", "3 montant_eur", "3 date_paiement", "4 montant_eur", "4 date_paiement",
				"4 reference", "5 reference");
		assertThat(rejects.get(rejects.size() - 1).get(5)).startsWith("référence déjà enregistrée pour un autre paiement");
		assertThat(rejects.get(7).get(5)).isEqualTo("référence déjà présente plus haut dans le fichier");
	}

	@Test
	void aFileWithAnotherLayoutIsRefusedAsAWhole() throws IOException {
		Path file = file("avances.csv", "finess;exercice;montant\n750000100;2024;12000\n");

		JobOutcome outcome = this.paymentImport.importFile(file, rejects());

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(outcome.message()).contains("avances.csv:1: l'en-tête ne correspond pas aux colonnes attendues", "Rien n'a été importé");
	}

	private Path rejects() {
		return this.directory.resolve("imports/avances-rejects.csv");
	}

	private Path file(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

}
