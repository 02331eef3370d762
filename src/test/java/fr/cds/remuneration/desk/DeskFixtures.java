package fr.cds.remuneration.desk;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.iban4j.IbanUtil;

import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the payer's desk tests share: the small input with accounts in its centres.csv, a fresh
 * repository, and the bank file read back and checked (totals recomputed, IBANs, lengths, SEPA
 * characters).
 */
final class DeskFixtures {

	static final Path SMALL = Path.of("src/test/resources/annual/small");

	static final String PAIN_001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

	private DeskFixtures() {
	}

	/** Empties the runs, the ledger and the desk's tables: each test starts like a fresh machine. */
	static void emptyDesk(JdbcTemplate jdbc) {
		List.of("BANK_TRANSFER", "RUN_APPROVAL", "RUN_PEER_THRESHOLD").forEach(t -> jdbc.update("DELETE FROM " + t));
		RunTables.empty(jdbc);
	}

	static Path copyOfSmallInputs(Path work) throws IOException {
		Path input = Files.createDirectories(work.resolve("input"));
		try (Stream<Path> files = Files.list(SMALL)) {
			for (Path file : files.toList()) {
				Files.copy(file, input.resolve(file.getFileName()));
			}
		}
		return input;
	}

	/** centres.csv with iban and bic columns: the given IBANs, none for the other centres. */
	/** Test IBANs for the first {@code count} centres of {@code centres.csv}'s rows (header first), by FINESS. */
	static Map<String, String> ibansOfFirstCentres(List<List<String>> centres, int count) {
		Map<String, String> ibans = new java.util.LinkedHashMap<>();
		for (int i = 1; i <= count; i++) {
			ibans.put(centres.get(i).get(0), frenchIban(i));
		}
		return ibans;
	}

	static void writeCentresWithAccounts(Path input, List<List<String>> centres, Map<String, String> ibans)
			throws IOException {
		StringBuilder text = new StringBuilder(String.join(";", centres.get(0))).append(";iban;bic\n");
		for (List<String> row : centres.subList(1, centres.size())) {
			String iban = ibans.getOrDefault(row.get(0), "");
			text.append(String.join(";", row)).append(';').append(iban).append(';')
				.append(iban.isEmpty() ? "" : "BNPAFRPPXXX").append('\n');
		}
		Files.writeString(input.resolve("centres.csv"), text.toString());
	}

	/** A valid French IBAN (check digits computed by iban4j), distinct for each {@code n}. */
	static String frenchIban(int n) {
		String iban = new Iban.Builder().countryCode(CountryCode.FR)
			.bankCode("30004")
			.branchCode("00001")
			.accountNumber(String.format("%011d", 1000 + n))
			.nationalCheckDigit("00")
			.build()
			.toString();
		IbanUtil.validate(iban);
		return iban;
	}

	static String runId(Path output) throws IOException {
		try (Stream<String> lines = Files.lines(output.resolve("2024/payments.csv"))) {
			String reference = lines.skip(1).findFirst().orElseThrow().split(";")[7];
			return reference.substring(reference.lastIndexOf("-R") + 2);
		}
	}

	static MxPain00100109 readBack(Path file) throws IOException {
		MxPain00100109 mx = MxPain00100109.parse(Files.readString(file, StandardCharsets.UTF_8));
		assertThat(mx).as(file.toString()).isNotNull();
		BigDecimal total = BigDecimal.ZERO;
		int count = 0;
		for (PaymentInstruction30 block : mx.getCstmrCdtTrfInitn().getPmtInf()) {
			BigDecimal blockTotal = BigDecimal.ZERO;
			for (CreditTransferTransaction34 tx : block.getCdtTrfTxInf()) {
				assertThat(tx.getPmtId().getEndToEndId()).hasSizeLessThanOrEqualTo(35);
				assertThat(tx.getAmt().getInstdAmt().getCcy()).isEqualTo("EUR");
				assertThat(tx.getAmt().getInstdAmt().getValue().scale()).isLessThanOrEqualTo(2);
				assertThat(tx.getAmt().getInstdAmt().getValue().signum()).isPositive();
				IbanUtil.validate(tx.getCdtrAcct().getId().getIBAN());
				assertThat(tx.getRmtInf().getUstrd().get(0)).hasSizeLessThanOrEqualTo(140).matches("[A-Za-z0-9/\\-?:().,'+ ]*");
				blockTotal = blockTotal.add(tx.getAmt().getInstdAmt().getValue());
				count++;
			}
			assertThat(block.getNbOfTxs()).isEqualTo(String.valueOf(block.getCdtTrfTxInf().size()));
			assertThat(block.getCtrlSum()).isEqualByComparingTo(blockTotal);
			total = total.add(blockTotal);
		}
		assertThat(mx.getCstmrCdtTrfInitn().getGrpHdr().getNbOfTxs()).isEqualTo(String.valueOf(count));
		assertThat(mx.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum()).isEqualByComparingTo(total);
		return mx;
	}

	static List<String> bankFiles(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("virements-")).toList();
		}
	}

}
