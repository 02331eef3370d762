package fr.cds.remuneration.ledger;

import fr.cds.remuneration.engine.PaymentStream;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a run settled a centre for an exercice and stream: the total it computed, the entries the
 * ledger already held for the centre, and the amount it recorded so that the ledger adds up to the
 * total: {@code amount = total − already recorded} (negative: a recovery). The statement shows
 * exactly this, whatever the ledger records later.
 *
 * @param kind the kind recorded: the balance after the annual run, a regularisation after a
 * re-processing
 * @param before the entries already in the ledger, oldest first
 * @param reference the reference of the recorded amount, {@code null} when there was nothing to pay
 * or recover
 */
public record Settlement(String finess, int exercice, PaymentStream stream, PaymentKind kind, BigDecimal totalEuros,
		List<LedgerEntry> before, BigDecimal amountEuros, String reference) {

	public BigDecimal beforeEuros() {
		return PaymentLedger.net(this.before);
	}

	public boolean isPayment() {
		return this.reference != null;
	}

	/** Whether the centre owes money back (an *indu*). */
	public boolean isRecovery() {
		return this.amountEuros.signum() < 0;
	}

}
