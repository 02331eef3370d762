package fr.cds.remuneration.ledger;

import fr.cds.remuneration.engine.PaymentStream;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One amount of the payment ledger: to whom, for which exercice and stream, of which kind, how
 * much (negative for a recovery), under which rules, produced by which run (none for an amount
 * imported from an earlier system), and where it stands.
 *
 * @param reference the payment's unique reference, the one the centre finds on its bank statement
 * @param runId the run that computed the amount, {@code null} for an import
 * @param jobName the job of that run, {@code null} for an import
 * @param origin in words: the run, or the imported file and line
 */
public record LedgerEntry(String reference, String finess, int exercice, PaymentStream stream, PaymentKind kind,
		BigDecimal amountEuros, String ruleSet, Long runId, String jobName, String origin, PaymentStatus status,
		LocalDate computedOn, LocalDate orderedOn, LocalDate paidOn) {

	/** An amount a run has just computed. */
	public static LedgerEntry computed(String reference, String finess, int exercice, PaymentStream stream,
			PaymentKind kind, BigDecimal amountEuros, String ruleSet, long runId, String jobName, LocalDate computedOn) {
		return new LedgerEntry(reference, finess, exercice, stream, kind, amountEuros, ruleSet, runId, jobName,
				jobName + " run " + runId, PaymentStatus.COMPUTED, computedOn, null, null);
	}

	/** The same entry with another origin. */
	public LedgerEntry withOrigin(String newOrigin) {
		return new LedgerEntry(this.reference, this.finess, this.exercice, this.stream, this.kind, this.amountEuros,
				this.ruleSet, this.runId, this.jobName, newOrigin, this.status, this.computedOn, this.orderedOn,
				this.paidOn);
	}

	/** When the amount last moved: paid, else ordered, else computed. */
	public LocalDate date() {
		return this.paidOn != null ? this.paidOn : this.orderedOn != null ? this.orderedOn : this.computedOn;
	}

	/** Whether {@code other} records the same payment: same centre, exercice, stream, kind and amount. */
	public boolean samePaymentAs(LedgerEntry other) {
		return this.finess.equals(other.finess) && this.exercice == other.exercice && this.stream == other.stream
				&& this.kind == other.kind && this.amountEuros.compareTo(other.amountEuros) == 0;
	}

}
