package fr.cds.remuneration.desk;

import java.util.ArrayList;
import java.util.List;

import com.prowidesoftware.swift.model.mx.MxPain00200110;
import com.prowidesoftware.swift.model.mx.dic.OriginalPaymentInstruction32;
import com.prowidesoftware.swift.model.mx.dic.PaymentTransaction105;
import com.prowidesoftware.swift.model.mx.dic.StatusReasonInformation12;

/**
 * A bank's payment status report, pain.002.001.10 (the answer to a pain.001.001.09), read with
 * Prowide ISO 20022: the status of each transaction by its original end-to-end id. A transaction
 * the report does not list is not changed.
 */
public record BankStatusReport(String originalMessageId, List<TransactionStatus> statuses) {

	/** Transaction status code of a rejection (ISO 20022 ExternalPaymentTransactionStatus1Code). */
	static final String REJECTED = "RJCT";

	/** One transaction's status; {@code reason} the bank's code and text, in French where known. */
	public record TransactionStatus(String endToEndId, String status, String reason) {

		public boolean rejected() {
			return REJECTED.equals(this.status);
		}

	}

	public static BankStatusReport parse(String xml) {
		MxPain00200110 mx = MxPain00200110.parse(xml);
		if (mx == null || mx.getCstmrPmtStsRpt() == null) {
			throw new DeskRefusal("Le fichier n'est pas un rapport de statut de paiement pain.002.001.10 lisible.");
		}
		String original = mx.getCstmrPmtStsRpt().getOrgnlGrpInfAndSts() == null ? null
				: mx.getCstmrPmtStsRpt().getOrgnlGrpInfAndSts().getOrgnlMsgId();
		List<TransactionStatus> statuses = new ArrayList<>();
		for (OriginalPaymentInstruction32 block : mx.getCstmrPmtStsRpt().getOrgnlPmtInfAndSts()) {
			for (PaymentTransaction105 tx : block.getTxInfAndSts()) {
				if (tx.getOrgnlEndToEndId() == null) {
					throw new DeskRefusal("Rapport de la banque illisible : une transaction sans identifiant de bout en bout.");
				}
				statuses.add(new TransactionStatus(tx.getOrgnlEndToEndId(), tx.getTxSts(), reason(tx)));
			}
		}
		return new BankStatusReport(original, statuses);
	}

	private static String reason(PaymentTransaction105 tx) {
		List<String> parts = new ArrayList<>();
		for (StatusReasonInformation12 info : tx.getStsRsnInf()) {
			if (info.getRsn() != null) {
				String code = info.getRsn().getCd() != null ? info.getRsn().getCd() : info.getRsn().getPrtry();
				parts.add(code + meaning(code));
			}
			parts.addAll(info.getAddtlInf());
		}
		return parts.isEmpty() ? "rejeté sans motif" : String.join(" ; ", parts);
	}

	/** The French meaning of the reject codes an operator meets most (ExternalStatusReason1Code). */
	private static String meaning(String code) {
		return switch (code == null ? "" : code) {
			case "AC01" -> " (numéro de compte incorrect)";
			case "AC04" -> " (compte clôturé)";
			case "AC06" -> " (compte bloqué)";
			case "BE04" -> " (adresse du bénéficiaire manquante)";
			case "MD07" -> " (titulaire décédé)";
			case "AG01" -> " (opération interdite sur ce compte)";
			case "RC01" -> " (BIC incorrect)";
			default -> "";
		};
	}

}
