package fr.cds.remuneration.desk;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.cli.CommandLineEntry;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.support.CommandLineRun;
import fr.cds.remuneration.support.CsvFiles;

import static fr.cds.remuneration.desk.DeskFixtures.copyOfSmallInputs;
import static fr.cds.remuneration.desk.DeskFixtures.emptyDesk;
import static fr.cds.remuneration.desk.DeskFixtures.ibansOfFirstCentres;
import static fr.cds.remuneration.desk.DeskFixtures.readBack;
import static fr.cds.remuneration.desk.DeskFixtures.runId;
import static fr.cds.remuneration.desk.DeskFixtures.writeCentresWithAccounts;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk with a centre held for its inputs, and the approval of re-processings: the Paris centre
 * 750000101 of the small input is held by its SAS act count written {@code 1 200}
 * (declarations.csv line 20, as in HeldCentreReleaseTest). Every centre has an account.
 *
 * <ul>
 * <li>approval refused while the rule-set file differs from the one the run computed from;</li>
 * <li>the held centre listed by {@code approve} with its reason, and in the workbook (national and
 * Île-de-France sheets, no amount, « en attente »);</li>
 * <li>its release by a dispute re-processing approved: its four regularisations in the bank file,
 * worked out by hand in HeldCentreReleaseTest: forfait 25,571.71 €, médecin traitant 159.57 €, SAS
 * supplement 1,200 × 15 € = 18,000.00 €, aids 31,512.60 €, total 75,243.88 €;</li>
 * <li>an avenant lowering the SAS supplement from 15 € to 10 € an act: a recovery of
 * 1,200 × 5 € = 6,000.00 € from the Paris centre (the only one with SAS acts), kept out of any bank
 * file and listed as a recovery notice.</li>
 * </ul>
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:payment-desk;DB_CLOSE_DELAY=-1",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
class PaymentDeskHeldCentreTest {

	static final String PARIS = "750000101";

	static final String SAS_120 = "750000101;2024;MAJORATION_SAS;120";

	@Autowired
	CommandLineEntry cli;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path work;

	@BeforeEach
	void freshMachine() {
		emptyDesk(this.jdbc);
	}

	@Test
	void heldCentreListedRulesCheckedRegularisationsTransferredRecoveriesNoticed() throws IOException {
		Path input = copyOfSmallInputs(this.work);
		List<List<String>> centres = CsvFiles.rows(input.resolve("centres.csv"));
		Map<String, String> ibans = ibansOfFirstCentres(centres, centres.size() - 1);
		writeCentresWithAccounts(input, centres, ibans);
		replace(input.resolve("declarations.csv"), SAS_120, "750000101;2024;MAJORATION_SAS;1 200");
		Path rules = Files.createDirectories(this.work.resolve("rules"));
		Path ruleFile = rules.resolve("accord-2015.yaml");
		String builtIn = builtInRules();
		Files.writeString(ruleFile, builtIn);
		Path output = this.work.resolve("out");

		CommandLineRun run = cds("run", "--exercice", "2024", "--input", input.toString(), "--output", output.toString(),
				"--rules", rules.toString(), "--extraction-date", "2025-02-14", "--operator", "alice");
		assertThat(run.exitCode()).as(run.err()).isEqualTo(8);
		String runId = runId(output);
		Path exerciceOut = output.resolve("2024");

		// the rule-set file changed since the run: refused, nothing written; accepted once restored
		Files.writeString(ruleFile, lowerSas(builtIn));
		CommandLineRun changed = cds("approve", "--exercice", "2024", "--run", runId, "--operator", "bob");
		assertThat(changed.exitCode()).isEqualTo(9);
		assertThat(changed.err()).contains("le fichier des règles").contains("a changé depuis le run " + runId);
		assertThat(exerciceOut.resolve("virements-2024-" + runId + ".xml")).doesNotExist();
		Files.writeString(ruleFile, builtIn);

		CommandLineRun approved = cds("approve", "--exercice", "2024", "--run", runId, "--operator", "bob",
				"--execution-date", "2025-04-15");
		assertThat(approved.exitCode()).as(approved.err()).isZero();
		assertThat(approved.out()).contains("Centre en attente 750000101 Centre de santé Paris test (Île-de-France)")
			.contains("declarations.csv ligne 20").contains("« 1 200 »");
		MxPain00100109 annualFile = readBack(exerciceOut.resolve("virements-2024-" + runId + ".xml"));
		assertThat(annualFile.getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf())
			.noneMatch(tx -> tx.getPmtId().getEndToEndId().contains(PARIS));
		heldCentreInWorkbook(exerciceOut);

		// released by a dispute with the corrected count: regularisations approved and transferred
		Path corrected = correctedInputs(centres, ibans.get(PARIS));
		CommandLineRun release = cds("reprocess", "--exercice", "2024", "--rules", rules.toString(), "--centre", PARIS,
				"--corrected-input", corrected.toString(), "--extraction-date", "2025-02-14", "--output",
				output.toString(), "--operator", "alice", "--name", "liberation");
		assertThat(release.exitCode()).as(release.err()).isZero();
		String releaseRun = String.valueOf(Long.parseLong(runId) + 1);
		CommandLineRun releaseApproved = cds("approve", "--exercice", "2024", "--run", releaseRun, "--operator", "bob",
				"--execution-date", "2025-06-02");
		assertThat(releaseApproved.exitCode()).as(releaseApproved.err()).isZero();
		assertThat(releaseApproved.out()).doesNotContain("Centre en attente").doesNotContain("Recouvrement");
		MxPain00100109 regularisations = readBack(bankFile(output, releaseRun).orElseThrow());
		assertThat(regularisations.getCstmrCdtTrfInitn().getGrpHdr().getNbOfTxs()).isEqualTo("4");
		assertThat(regularisations.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum())
			.isEqualByComparingTo(new BigDecimal("75243.88"));
		List<CreditTransferTransaction34> txs = regularisations.getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf();
		assertThat(txs).extracting(tx -> tx.getAmt().getInstdAmt().getValue().toPlainString())
			.containsExactlyInAnyOrder("25571.71", "159.57", "18000.00", "31512.60");
		assertThat(txs).allSatisfy(tx -> {
			assertThat(tx.getPmtId().getEndToEndId()).contains(PARIS).contains("-REGUL-").endsWith("-R" + releaseRun);
			assertThat(tx.getCdtrAcct().getId().getIBAN()).isEqualTo(ibans.get(PARIS));
			assertThat(tx.getRmtInf().getUstrd().get(0)).contains("regularisation");
		});

		// an avenant lowers the SAS supplement: a recovery, never a transfer
		Path lowered = Files.createDirectories(this.work.resolve("rules-lower"));
		Files.writeString(lowered.resolve("accord-2015-lower.yaml"),
				lowerSas(builtIn).replaceFirst("version: \"[0-9.]+\"", "version: \"2027.1\""));
		CommandLineRun avenant = cds("reprocess", "--exercice", "2024", "--rules", lowered.toString(), "--rule-set",
				"accord-2015@2027.1", "--output", output.toString(), "--operator", "alice", "--name", "sas-10");
		assertThat(avenant.exitCode()).as(avenant.err()).isZero();
		String avenantRun = String.valueOf(Long.parseLong(runId) + 2);
		CommandLineRun recovery = cds("approve", "--exercice", "2024", "--run", avenantRun, "--operator", "bob");
		assertThat(recovery.exitCode()).as(recovery.err()).isZero();
		assertThat(recovery.out()).containsPattern("Recouvrement \\S*750000101\\S*-R" + avenantRun + " \\(750000101, "
				+ FrenchFormat.euros(new BigDecimal("6000.00")) + "\\) : avis de sommes à payer, pas de virement")
			.contains("Aucun virement à émettre");
		assertThat(bankFile(output, avenantRun)).isEmpty();
	}

	/** The held centre has its row, without amounts, in the national sheet and its region's. */
	private void heldCentreInWorkbook(Path exerciceOut) throws IOException {
		CommandLineRun synthese = cds("synthese", "--exercice", "2024");
		assertThat(synthese.exitCode()).as(synthese.err()).isZero();
		try (Workbook workbook = WorkbookFactory.create(exerciceOut.resolve("synthese-2024.xlsx").toFile())) {
			Sheet national = workbook.getSheet("National");
			// the three computed centres and the held one, in FINESS order: 130…, 330…, 690…, 750…
			assertThat(national.getLastRowNum()).isEqualTo(4);
			assertHeldRow(national.getRow(4));
			Sheet idf = workbook.getSheet("Île-de-France");
			assertThat(idf.getLastRowNum()).isEqualTo(1);
			assertHeldRow(idf.getRow(1));
			assertThat(national.getRow(1).getCell(0).getStringCellValue()).isEqualTo("130000102");
			assertThat(national.getRow(1).getCell(5).getStringCellValue()).isEqualTo("non atteint");
		}
	}

	private static void assertHeldRow(Row row) {
		assertThat(row.getCell(0).getStringCellValue()).isEqualTo(PARIS);
		assertThat(row.getCell(3).getStringCellValue()).isEqualTo("75");
		assertThat(row.getCell(5).getStringCellValue()).isEqualTo("en attente");
		for (int c = 7; c <= 11; c++) {
			Cell amount = row.getCell(c);
			assertThat(amount == null || amount.getCellType() == CellType.BLANK).as("column " + c + " empty").isTrue();
		}
		assertThat(row.getCell(12).getStringCellValue()).startsWith("centre en attente : ")
			.contains("declarations.csv ligne 20").contains("« 1 200 »");
	}

	/** The Paris centre's complete data with its SAS count {@code 1200}, and its account. */
	private Path correctedInputs(List<List<String>> centres, String iban) throws IOException {
		Path dir = Files.createDirectories(this.work.resolve("corrected"));
		for (InputFile file : InputFile.values()) {
			if (file == InputFile.CENTRES) {
				continue;
			}
			List<String> lines = Files.readAllLines(DeskFixtures.SMALL.resolve(file.fileName()));
			int finess = List.of(lines.get(0).split(";")).indexOf("finess");
			List<String> kept = new java.util.ArrayList<>(List.of(lines.get(0)));
			lines.stream()
				.skip(1)
				.filter(line -> line.split(";")[finess].equals(PARIS))
				.map(line -> line.replace(SAS_120, "750000101;2024;MAJORATION_SAS;1200"))
				.forEach(kept::add);
			Files.write(dir.resolve(file.fileName()), kept);
		}
		writeCentresWithAccounts(dir, centres.stream().filter(r -> r.equals(centres.get(0)) || r.get(0).equals(PARIS))
			.toList(), Map.of(PARIS, iban));
		return dir;
	}

	/** The SAS supplement of 2024 at 10 € an act instead of 15 €. */
	private static String lowerSas(String rules) {
		String sas2024 = "- {from: 2024, euros: 15, status: confirmed, source: AMELI-AV5, text: avenant-5}";
		assertThat(rules).containsOnlyOnce(sas2024);
		return rules.replace(sas2024, "- {from: 2024, euros: 10, status: confirmed, source: AMELI-AV5, text: avenant-5}");
	}

	private String builtInRules() throws IOException {
		return new String(getClass().getResourceAsStream("/rulesets/accord-2015.yaml").readAllBytes(),
				StandardCharsets.UTF_8);
	}

	private static Optional<Path> bankFile(Path output, String run) throws IOException {
		try (Stream<Path> files = Files.walk(output)) {
			return files.filter(p -> p.getFileName().toString().equals("virements-2024-" + run + ".xml")).findFirst();
		}
	}

	private static void replace(Path file, String from, String to) throws IOException {
		String content = Files.readString(file);
		assertThat(content).contains(from);
		Files.writeString(file, content.replace(from, to));
	}

	private CommandLineRun cds(String... args) {
		return CommandLineRun.of(this.cli, args);
	}

}
