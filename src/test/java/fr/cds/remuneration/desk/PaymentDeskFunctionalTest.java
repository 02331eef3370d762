package fr.cds.remuneration.desk;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerPaymentStatusReportV10;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader86;
import com.prowidesoftware.swift.model.mx.dic.OriginalGroupHeader17;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReason6Choice;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.iban4j.IbanUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.cli.CommandLineEntry;
import fr.cds.remuneration.support.CommandLineRun;
import fr.cds.remuneration.support.CsvFiles;

import static fr.cds.remuneration.desk.DeskFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payer's desk from end to end, through the command line: the annual run of the small input
 * (with accounts added to its centres.csv) is proposed by one operator, refused to the same
 * operator and while its inputs differ, approved by another; the bank file is read back with
 * Prowide and its totals compared with payments.csv; a pain.002 rejects one transfer, the ledger
 * shows it, and the corrected transfer is issued once. A re-processing is then rejected, which
 * cancels its lines.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:payment-desk;DB_CLOSE_DELAY=-1",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
class PaymentDeskFunctionalTest {

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
	void runApproveBankFileRejectionAndCorrectionIssuedOnce() throws IOException {
		Path input = copyOfSmallInputs(this.work);
		List<List<String>> centres = CsvFiles.rows(input.resolve("centres.csv"));
		// the last centre has no account: its transfer is held
		Map<String, String> ibans = ibansOfFirstCentres(centres, centres.size() - 2);
		String heldCentre = centres.get(centres.size() - 1).get(0);
		writeCentresWithAccounts(input, centres, ibans);
		Path output = this.work.resolve("out");

		CommandLineRun run = cds("run", "--exercice", "2024", "--input", input.toString(), "--output", output.toString(),
				"--extraction-date", "2025-02-14", "--operator", "alice");
		assertThat(run.exitCode()).as(run.err()).isZero();
		String runId = runId(output);
		Path exerciceOut = output.resolve("2024");
		Path bankFile = exerciceOut.resolve("virements-2024-" + runId + ".xml");
		List<List<String>> payments = CsvFiles.rows(exerciceOut.resolve("payments.csv"));
		byte[] paymentsBefore = Files.readAllBytes(exerciceOut.resolve("payments.csv"));

		// nothing is paid before approval
		String firstReference = payments.stream().filter(l -> ibans.containsKey(l.get(0))).findFirst().orElseThrow().get(7);
		assertThat(cds("ledger", "--exercice", "2024", "--status", "PAID", "--date", "2025-04-30", "--reference",
				firstReference).exitCode()).isEqualTo(9);
		// the one who launched the run cannot approve it (names compared without case)
		CommandLineRun self = cds("approve", "--exercice", "2024", "--run", runId, "--operator", "Alice");
		assertThat(self.exitCode()).isEqualTo(9);
		assertThat(self.err()).contains("Alice a lancé le run " + runId);
		// inputs changed since the run: refused, then accepted once restored
		Path centresFile = input.resolve("centres.csv");
		byte[] original = Files.readAllBytes(centresFile);
		Files.writeString(centresFile, new String(original, StandardCharsets.UTF_8) + "\n");
		CommandLineRun changed = cds("approve", "--exercice", "2024", "--run", runId, "--operator", "bob");
		assertThat(changed.exitCode()).isEqualTo(9);
		assertThat(changed.err()).contains("ont changé depuis le run " + runId);
		assertThat(bankFile).doesNotExist();
		Files.write(centresFile, original);

		CommandLineRun approved = cds("approve", "--exercice", "2024", "--run", runId, "--operator", "bob",
				"--execution-date", "2025-04-15");
		assertThat(approved.exitCode()).as(approved.err()).isZero();
		assertThat(approved.out()).contains("Virement retenu").contains(heldCentre);
		assertThat(Files.readAllBytes(exerciceOut.resolve("payments.csv"))).isEqualTo(paymentsBefore);

		// the bank file, read back: one transaction per positive payment line of a centre with an
		// account, its reference as end-to-end id, totals equal to those lines of payments.csv
		Map<String, BigDecimal> expected = new LinkedHashMap<>();
		BigDecimal heldAmount = BigDecimal.ZERO;
		List<String> heldReferences = new ArrayList<>();
		for (List<String> line : payments.subList(1, payments.size())) {
			BigDecimal amount = new BigDecimal(line.get(4));
			if (amount.signum() > 0 && ibans.containsKey(line.get(0))) {
				expected.put(line.get(7), amount);
			}
			else if (amount.signum() > 0) {
				heldAmount = heldAmount.add(amount);
				heldReferences.add(line.get(7));
			}
		}
		assertThat(expected).isNotEmpty();
		assertThat(heldAmount.signum()).isPositive();
		MxPain00100109 file = readBack(bankFile);
		BigDecimal expectedTotal = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(file.getCstmrCdtTrfInitn().getGrpHdr().getNbOfTxs()).isEqualTo(String.valueOf(expected.size()));
		assertThat(file.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum()).isEqualByComparingTo(expectedTotal);
		assertThat(file.getCstmrCdtTrfInitn().getPmtInf()).hasSize(1);
		PaymentInstruction30 block = file.getCstmrCdtTrfInitn().getPmtInf().get(0);
		assertThat(block.getReqdExctnDt().getDt()).hasToString("2025-04-15");
		Map<String, BigDecimal> inFile = new LinkedHashMap<>();
		for (CreditTransferTransaction34 tx : block.getCdtTrfTxInf()) {
			inFile.put(tx.getPmtId().getEndToEndId(), tx.getAmt().getInstdAmt().getValue());
			assertThat(ibans).containsValue(tx.getCdtrAcct().getId().getIBAN());
			assertThat(tx.getRmtInf().getUstrd().get(0)).contains("exercice 2024").contains("solde");
		}
		assertThat(inFile).containsExactlyInAnyOrderEntriesOf(expected);
		assertThat(new String(Files.readAllBytes(bankFile), StandardCharsets.UTF_8)).contains(PAIN_001);

		CommandLineRun ledger = cds("ledger", "--exercice", "2024");
		assertThat(ledger.out()).contains("run " + runId + " (annualPaymentJob) proposé par alice, approuvé par bob")
			.contains(expected.size() + " virements pour " + expectedTotal.setScale(2).toPlainString())
			.contains("retenu, IBAN manquant");
		regionsWorkbook(exerciceOut, heldCentre);
		assertThat(cds("approve", "--exercice", "2024", "--run", runId, "--operator", "carol").exitCode()).isEqualTo(9);
		assertThat(cds("ledger", "--exercice", "2024", "--status", "PAID", "--date", "2025-04-30", "--reference",
				firstReference).exitCode()).isZero();
		// a held transfer was not sent: its line cannot be recorded as paid
		assertThat(cds("ledger", "--exercice", "2024", "--status", "PAID", "--date", "2025-04-30", "--reference",
				heldReferences.get(0)).exitCode()).isEqualTo(9);

		// the bank rejects one transfer (account closed), accepts the others
		String rejected = expected.keySet().iterator().next();
		Path report = this.work.resolve("pain.002.xml");
		Files.writeString(report, statusReport("CDS-2024-R" + runId, rejected, expected.keySet()));
		CommandLineRun status = cds("bank-status", "--file", report.toString());
		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).contains("1 rejeté").contains("À corriger : " + rejected);
		assertThat(cds("ledger", "--exercice", "2024").out()).containsPattern(rejected + " .*rejeté par la banque.*AC04")
			.contains((heldReferences.size() + 1) + " virement(s) à corriger");

		// a corrected file: a new account for the rejected centre, one for the centre without
		String rejectedCentre = rejected.split("-")[2];
		Map<String, String> corrected = new LinkedHashMap<>();
		corrected.put(rejectedCentre, frenchIban(90));
		corrected.put(heldCentre, frenchIban(91));
		Path correctedFile = this.work.resolve("centres-corriges.csv");
		Files.writeString(correctedFile, "finess;iban;bic\n" + rejectedCentre + ";" + corrected.get(rejectedCentre)
				+ ";\n" + heldCentre + ";" + corrected.get(heldCentre) + ";\n");
		CommandLineRun reissue = cds("bank-reissue", "--exercice", "2024", "--run", runId, "--centres",
				correctedFile.toString(), "--execution-date", "2025-05-05");
		assertThat(reissue.exitCode()).as(reissue.err()).isZero();
		Path correction = exerciceOut.resolve("virements-2024-" + runId + "-C1.xml");
		MxPain00100109 again = readBack(correction);
		List<CreditTransferTransaction34> reissued = again.getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf();
		assertThat(reissued).extracting(tx -> tx.getPmtId().getEndToEndId()).contains(rejected + "-C1");
		assertThat(again.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum())
			.isEqualByComparingTo(expected.get(rejected).add(heldAmount));
		assertThat(reissued).hasSize(heldReferences.size() + 1);
		assertThat(reissued).extracting(tx -> tx.getCdtrAcct().getId().getIBAN())
			.containsOnlyOnceElementsOf(List.of(corrected.get(rejectedCentre)))
			.containsOnly(corrected.get(rejectedCentre), corrected.get(heldCentre));

		// issued once: a second re-issue and the same report again change nothing
		byte[] correctionBytes = Files.readAllBytes(correction);
		CommandLineRun twice = cds("bank-reissue", "--exercice", "2024", "--run", runId, "--centres",
				correctedFile.toString());
		assertThat(twice.exitCode()).isZero();
		assertThat(twice.out()).contains("Aucun virement à réémettre");
		assertThat(bankFiles(exerciceOut)).containsExactlyInAnyOrder(bankFile.getFileName().toString(),
				correction.getFileName().toString());
		assertThat(Files.readAllBytes(correction)).isEqualTo(correctionBytes);
		assertThat(cds("bank-status", "--file", report.toString()).out()).contains("Déjà enregistré, inchangé : " + rejected);
		String finalLedger = cds("ledger", "--exercice", "2024").out();
		assertThat(finalLedger).containsPattern(rejected + " .*remplacé par un virement corrigé")
			.containsPattern(rejected + "-C1 .*émis").doesNotContain("à corriger");

		// a re-processing (raised médecin-traitant forfait) proposed by alice, rejected by bob
		Path rules = Files.createDirectories(this.work.resolve("rules-raise"));
		String current = new String(getClass().getResourceAsStream("/rulesets/accord-2015.yaml").readAllBytes(),
				StandardCharsets.UTF_8);
		Files.writeString(rules.resolve("accord-2015-raise.yaml"), current.replaceFirst("version: \"[0-9.]+\"",
				"version: \"2027.1\"").replace("{from: 2024, euros: 46,", "{from: 2024, euros: 50,"));
		CommandLineRun reprocess = cds("reprocess", "--exercice", "2024", "--rules", rules.toString(), "--rule-set",
				"accord-2015@2027.1", "--output", output.toString(), "--operator", "alice");
		assertThat(reprocess.exitCode()).as(reprocess.err()).isZero();
		String reprocessRun = String.valueOf(Long.parseLong(runId) + 1);
		assertThat(cds("reject", "--exercice", "2024", "--run", reprocessRun, "--operator", "alice", "--reason",
				"x").exitCode()).isEqualTo(9);
		CommandLineRun sentBack = cds("reject", "--exercice", "2024", "--run", reprocessRun, "--operator", "bob",
				"--reason", "barème à confirmer");
		assertThat(sentBack.exitCode()).as(sentBack.err()).isZero();
		assertThat(sentBack.out()).contains("lignes annulées");
		assertThat(cds("approve", "--exercice", "2024", "--run", reprocessRun, "--operator", "carol").exitCode())
			.isEqualTo(9);
		assertThat(cds("ledger", "--exercice", "2024").out()).contains("CANCELLED")
			.contains("rejeté par bob").contains("motif : barème à confirmer");
	}

	/**
	 * The regions' workbook read back with POI. Île-de-France holds the Paris centre alone, whose
	 * figures are computed by hand in AnnualPaymentJobFunctionalTest: forfait 5,600 + 7,021.71 +
	 * 9,100 + 700 + 3,150 = 25,571.71 €; médecin traitant 6 + 3 × 5 + 46 + 74 = 141 € + the
	 * precarity uplift 141 × 0.79 / 6 = 18.565 → 18.57 € = 159.57 €; supplements
	 * 120 × 15 = 1,800 €; aids 36,000 × 182/366 + 27,000 × 184/365 = 31,512.60 €; total 59,043.88 €.
	 */
	private void regionsWorkbook(Path exerciceOut, String heldCentre) throws IOException {
		CommandLineRun synthese = cds("synthese", "--exercice", "2024");
		assertThat(synthese.exitCode()).as(synthese.err()).isZero();
		try (Workbook workbook = WorkbookFactory.create(exerciceOut.resolve("synthese-2024.xlsx").toFile())) {
			List<String> sheets = new ArrayList<>();
			workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
			// 75, 69, 13 and 33: four regions, each a sheet, after the national one; then the peer quartiles
			assertThat(sheets).containsExactly("National", "Auvergne-Rhône-Alpes", "Île-de-France", "Nouvelle-Aquitaine",
					"Provence-Alpes-Côte d'Azur", "Repères");
			Sheet national = workbook.getSheet("National");
			assertThat(national.getLastRowNum()).isEqualTo(4);
			assertThat(national.getPaneInformation().isFreezePane()).isTrue();
			assertThat(national.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(((XSSFSheet) national).getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:M5");
			Sheet idf = workbook.getSheet("Île-de-France");
			assertThat(idf.getLastRowNum()).isEqualTo(1);
			Row paris = idf.getRow(1);
			assertThat(paris.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(paris.getCell(0).getStringCellValue()).isEqualTo("750000101");
			assertThat(paris.getCell(3).getStringCellValue()).isEqualTo("75");
			assertThat(paris.getCell(5).getStringCellValue()).isEqualTo("atteint");
			assertThat(paris.getCell(7).getNumericCellValue()).isEqualTo(25571.71);
			// 141 € of categories + the precarity uplift 18.57 € (AnnualPaymentJobFunctionalTest)
			assertThat(paris.getCell(8).getNumericCellValue()).isEqualTo(159.57);
			assertThat(paris.getCell(9).getNumericCellValue()).isEqualTo(1800.00);
			assertThat(paris.getCell(10).getNumericCellValue()).isEqualTo(31512.60);
			assertThat(paris.getCell(11).getNumericCellValue()).isEqualTo(59043.88);
			assertThat(paris.getCell(11).getCellStyle().getDataFormatString()).contains("#,##0.00").contains("€");
			assertThat(paris.getCell(12).getStringCellValue()).isEmpty();
			// the Marseille centre missed ACCES_SOINS_INFIRMIERS (OperatorCommandsTest): named, not coded
			Row marseille = workbook.getSheet("Provence-Alpes-Côte d'Azur").getRow(1);
			assertThat(marseille.getCell(5).getStringCellValue()).isEqualTo("non atteint");
			assertThat(marseille.getCell(6).getStringCellValue()).isNotBlank().doesNotContain("ACCES_SOINS_INFIRMIERS");
			Row held = workbook.getSheet("Nouvelle-Aquitaine").getRow(1);
			assertThat(held.getCell(0).getStringCellValue()).isEqualTo(heldCentre);
			assertThat(held.getCell(12).getStringCellValue()).contains("IBAN manquant");
		}
	}

	private CommandLineRun cds(String... args) {
		return CommandLineRun.of(this.cli, args);
	}

	/** A pain.002.001.10 that rejects {@code rejected} (account closed) and accepts the others. */
	static String statusReport(String originalMessageId, String rejected, Iterable<String> all) {
		OriginalPaymentInstruction32 block = new OriginalPaymentInstruction32().setOrgnlPmtInfId(originalMessageId);
		List<String> ids = new ArrayList<>();
		all.forEach(ids::add);
		for (String id : ids) {
			PaymentTransaction105 tx = new PaymentTransaction105().setOrgnlEndToEndId(id)
				.setTxSts(id.equals(rejected) ? "RJCT" : "ACCP");
			if (id.equals(rejected)) {
				tx.addStsRsnInf(new StatusReasonInformation12().setRsn(new StatusReason6Choice().setCd("AC04")));
			}
			block.addTxInfAndSts(tx);
		}
		CustomerPaymentStatusReportV10 report = new CustomerPaymentStatusReportV10()
			.setGrpHdr(new GroupHeader86().setMsgId("BANK-STATUS-1")
				.setCreDtTm(java.time.OffsetDateTime.parse("2025-04-16T09:00:00Z")))
			.setOrgnlGrpInfAndSts(new OriginalGroupHeader17().setOrgnlMsgId(originalMessageId)
				.setOrgnlMsgNmId("pain.001.001.09"))
			.addOrgnlPmtInfAndSts(block);
		return new MxPain00200110().setCstmrPmtStsRpt(report).message();
	}

}
