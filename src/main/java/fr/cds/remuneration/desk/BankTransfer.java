package fr.cds.remuneration.desk;

import java.math.BigDecimal;
import java.time.LocalDate;

import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * One transfer of a ledger line: the line's reference, its issue (1, then 2 for a corrected
 * transfer...), the end-to-end id the bank reports on, the account and where it stands.
 *
 * @param iban {@code null} when the transfer is held for want of an account
 */
public record BankTransfer(String endToEndId, String reference, int issue, long runId, int exercice, String finess,
		PaymentStream stream, PaymentKind kind, BigDecimal amountEuros, String iban, String bic,
		LocalDate executionDate, String bankFile, TransferStatus status, String statusReason) {

	/** Longest end-to-end id ISO 20022 allows (Max35Text). */
	public static final int MAX_END_TO_END_ID = 35;

	/**
	 * The end-to-end id of a ledger line's transfer: its payment reference ({@code RFS-…}), the kind
	 * {@code REGULARISATION} written {@code REGUL} so that it fits in 35 characters, and
	 * {@code -C<n>} for the n-th corrected transfer.
	 */
	public static String endToEndId(String reference, int issue) {
		String id = reference.replace("-" + PaymentKind.REGULARISATION.name() + "-", "-REGUL-")
				+ (issue > 1 ? "-C" + (issue - 1) : "");
		if (id.length() > MAX_END_TO_END_ID) {
			throw new IllegalStateException("end-to-end id " + id + " is longer than " + MAX_END_TO_END_ID + " characters");
		}
		return id;
	}

	public BankTransfer withStatus(TransferStatus newStatus, String reason) {
		return new BankTransfer(this.endToEndId, this.reference, this.issue, this.runId, this.exercice, this.finess,
				this.stream, this.kind, this.amountEuros, this.iban, this.bic, this.executionDate, this.bankFile,
				newStatus, reason);
	}

}
