package fr.cds.remuneration.desk;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;

/**
 * A SEPA credit-transfer initiation, pain.001.001.09, built with Prowide ISO 20022: one payment
 * information block per requested execution date, one transaction per transfer (a centre and a
 * stream), the payment reference as end-to-end id, and the remittance information in French
 * (exercice, stream, kind). The amounts are the ledger's, already rounded to the cent: the control
 * sums are their exact sums.
 *
 * <p>Free texts are reduced to the SEPA character set (letters without accents, digits and
 * {@code / - ? : ( ) . , ' +} and space), which banks are only bound to accept.
 */
public final class CreditTransferFile {

	/** Longest remittance information ISO 20022 allows in one unstructured line (Max140Text). */
	private static final int MAX_REMITTANCE = 140;

	private CreditTransferFile() {
	}

	/** Who pays: the payer's name, account and bank. */
	public record Debtor(String name, String iban, String bic) {
	}

	/**
	 * The file's XML.
	 *
	 * @param messageId the file's identity (Max35Text), unique per file
	 * @param transfers the transfers, each with an account
	 */
	public static String xml(String messageId, OffsetDateTime createdAt, Debtor debtor, List<BankTransfer> transfers) {
		Map<LocalDate, List<BankTransfer>> byDate = transfers.stream()
			.collect(Collectors.groupingBy(BankTransfer::executionDate, TreeMap::new, Collectors.toList()));
		CustomerCreditTransferInitiationV09 initiation = new CustomerCreditTransferInitiationV09()
			.setGrpHdr(new GroupHeader85().setMsgId(messageId)
				.setCreDtTm(createdAt.withOffsetSameInstant(ZoneOffset.UTC).withNano(0))
				.setNbOfTxs(String.valueOf(transfers.size()))
				.setCtrlSum(sum(transfers))
				.setInitgPty(new PartyIdentification135().setNm(sepaText(debtor.name(), 140))));
		byDate.forEach((date, block) -> initiation.addPmtInf(paymentInformation(messageId, date, debtor, block)));
		return new MxPain00100109().setCstmrCdtTrfInitn(initiation).message();
	}

	private static PaymentInstruction30 paymentInformation(String messageId, LocalDate date, Debtor debtor,
			List<BankTransfer> block) {
		PaymentInstruction30 info = new PaymentInstruction30()
			.setPmtInfId(messageId + "-" + date.format(DateTimeFormatter.BASIC_ISO_DATE))
			.setPmtMtd(PaymentMethod3Code.TRF)
			.setBtchBookg(false)
			.setNbOfTxs(String.valueOf(block.size()))
			.setCtrlSum(sum(block))
			.setPmtTpInf(new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")))
			.setReqdExctnDt(new DateAndDateTime2Choice().setDt(date))
			.setDbtr(new PartyIdentification135().setNm(sepaText(debtor.name(), 140)))
			.setDbtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(debtor.iban())))
			.setDbtrAgt(agent(debtor.bic()))
			.setChrgBr(ChargeBearerType1Code.SLEV);
		block.forEach(transfer -> info.addCdtTrfTxInf(transaction(transfer)));
		return info;
	}

	private static CreditTransferTransaction34 transaction(BankTransfer transfer) {
		return new CreditTransferTransaction34()
			.setPmtId(new PaymentIdentification6().setInstrId(transfer.endToEndId()).setEndToEndId(transfer.endToEndId()))
			.setAmt(new AmountType4Choice().setInstdAmt(
					new ActiveOrHistoricCurrencyAndAmount().setCcy("EUR").setValue(transfer.amountEuros().setScale(2))))
			.setCdtrAgt(agent(transfer.bic()))
			.setCdtr(new PartyIdentification135().setNm("Centre de sante FINESS " + transfer.finess()))
			.setCdtrAcct(new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(transfer.iban())))
			.setRmtInf(new RemittanceInformation16().addUstrd(remittance(transfer)));
	}

	/** The remittance information a centre reads on its bank statement, in French. */
	static String remittance(BankTransfer transfer) {
		return sepaText("Assurance Maladie, exercice " + transfer.exercice() + ", " + transfer.stream().label() + ", "
				+ transfer.kind().label() + ", ref " + transfer.reference(), MAX_REMITTANCE);
	}

	/** A BIC when known; otherwise "NOTPROVIDED", the SEPA rule for an IBAN-only transfer. */
	private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
		FinancialInstitutionIdentification18 institution = new FinancialInstitutionIdentification18();
		if (bic == null || bic.isBlank()) {
			institution.setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"));
		}
		else {
			institution.setBICFI(bic);
		}
		return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(institution);
	}

	static BigDecimal sum(List<BankTransfer> transfers) {
		return transfers.stream().map(BankTransfer::amountEuros).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	/** {@code text} in the SEPA character set, cut to {@code max} characters. */
	static String sepaText(String text, int max) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9/\\-?:().,'+ ]", " ");
		return plain.length() <= max ? plain : plain.substring(0, max);
	}

}
