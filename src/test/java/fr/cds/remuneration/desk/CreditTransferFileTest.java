package fr.cds.remuneration.desk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import org.junit.jupiter.api.Test;

import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.engine.PaymentStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The bank file on its own: one payment information block per execution date with its own count
 * and control sum, end-to-end ids within 35 characters, remittance text in the SEPA character set.
 */
class CreditTransferFileTest {

	private static final CreditTransferFile.Debtor PAYER = new CreditTransferFile.Debtor("Caisse primaire",
			"FR7630001007941234567890185", "BDFEFRPPCCT");

	@Test
	void oneBlockPerExecutionDateWithItsOwnTotals() {
		LocalDate april = LocalDate.of(2025, 4, 15);
		LocalDate may = LocalDate.of(2025, 5, 5);
		List<BankTransfer> transfers = List.of(transfer("RFS-2024-750000101-SOLDE-R1", "100.10", april),
				transfer("FMT-2024-750000101-SOLDE-R1", "0.20", april),
				transfer("RFS-2024-690000104-REGULARISATION-R12", "5.05", may));
		MxPain00100109 file = MxPain00100109.parse(CreditTransferFile.xml("CDS-2024-R1", OffsetDateTime.parse(
				"2025-04-14T10:00:00+02:00"), PAYER, transfers));
		// 100.10 + 0.20 + 5.05 = 105.35, in two blocks: 100.30 on 15 April, 5.05 on 5 May
		assertThat(file.getCstmrCdtTrfInitn().getGrpHdr().getNbOfTxs()).isEqualTo("3");
		assertThat(file.getCstmrCdtTrfInitn().getGrpHdr().getCtrlSum()).isEqualByComparingTo("105.35");
		List<PaymentInstruction30> blocks = file.getCstmrCdtTrfInitn().getPmtInf();
		assertThat(blocks).extracting(b -> b.getReqdExctnDt().getDt()).containsExactly(april, may);
		assertThat(blocks).extracting(PaymentInstruction30::getCtrlSum)
			.usingElementComparator(BigDecimal::compareTo)
			.containsExactly(new BigDecimal("100.30"), new BigDecimal("5.05"));
		assertThat(blocks.get(1).getCdtTrfTxInf().get(0).getPmtId().getEndToEndId())
			.isEqualTo("RFS-2024-690000104-REGUL-R12");
		assertThat(blocks.get(0).getCdtTrfTxInf().get(0).getRmtInf().getUstrd().get(0))
			.isEqualTo("Assurance Maladie, exercice 2024, remuneration forfaitaire, solde, ref RFS-2024-750000101-SOLDE-R1");
		assertThat(blocks.get(0).getDbtrAcct().getId().getIBAN()).isEqualTo(PAYER.iban());
	}

	@Test
	void endToEndIdsFitInThirtyFiveCharacters() {
		assertThat(BankTransfer.endToEndId("AID-2024-750000101-REGULARISATION-R123456", 2))
			.isEqualTo("AID-2024-750000101-REGUL-R123456-C1")
			.hasSize(35);
		assertThatIllegalStateException()
			.isThrownBy(() -> BankTransfer.endToEndId("AID-2024-750000101-REGULARISATION-R1234567", 2));
	}

	private static BankTransfer transfer(String reference, String amount, LocalDate date) {
		String[] parts = reference.split("-");
		PaymentStream stream = parts[0].equals("FMT") ? PaymentStream.MEDECIN_TRAITANT : PaymentStream.FORFAIT;
		return new BankTransfer(BankTransfer.endToEndId(reference, 1), reference, 1, 1, 2024, parts[2], stream,
				PaymentKind.valueOf(parts[3]), new BigDecimal(amount), "FR7630006000011234567890189", "AGRIFRPP", date,
				null, TransferStatus.SENT, null);
	}

}
