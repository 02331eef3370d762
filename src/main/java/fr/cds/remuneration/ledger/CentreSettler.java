package fr.cds.remuneration.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Settles a centre after a run computed its total for an exercice: records in the ledger what
 * brings the ledger to that total, and stores the settlement for the centre's statement.
 *
 * <p>What the ledger already holds is read without the run's own entries, so that a run restarted
 * after a crash finds the same amount to record, under the same reference, and the ledger ends up
 * exactly as after an uninterrupted run.
 */
@Component
public class CentreSettler {

	private final PaymentLedger ledger;

	private final SettlementStore settlements;

	public CentreSettler(PaymentLedger ledger, SettlementStore settlements) {
		this.ledger = ledger;
		this.settlements = settlements;
	}

	/** What a run settles: a centre's new total for an exercice, under a rule set. */
	public record Computed(String finess, int exercice, BigDecimal totalEuros, String ruleSet) {
	}

	public Settlement settle(long runId, String jobName, PaymentKind kind, Computed computed, LocalDate today) {
		List<LedgerEntry> before = this.ledger.entriesBefore(computed.exercice(), computed.finess(),
				PaymentStream.FORFAIT, runId);
		BigDecimal amount = computed.totalEuros().subtract(PaymentLedger.net(before)).setScale(2);
		String reference = null;
		if (amount.signum() != 0) {
			reference = PaymentReference.of(computed.exercice(), computed.finess(), kind, runId);
			this.ledger.record(LedgerEntry.computed(reference, computed.finess(), computed.exercice(), kind, amount,
					computed.ruleSet(), runId, jobName, today));
		}
		Settlement settlement = new Settlement(computed.finess(), computed.exercice(), PaymentStream.FORFAIT, kind,
				computed.totalEuros(), before, amount, reference);
		this.settlements.save(runId, settlement);
		return settlement;
	}

}
