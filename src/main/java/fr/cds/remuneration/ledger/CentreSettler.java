package fr.cds.remuneration.ledger;

import fr.cds.remuneration.engine.PaymentStream;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/** What a run settles: a centre's new total of a payment stream for an exercice, under a rule set. */
	public record Computed(String finess, int exercice, PaymentStream stream, BigDecimal totalEuros, String ruleSet) {
	}

	/**
	 * Settles every stream of a centre: those of {@code totals} (the forfait and every other stream
	 * computed for it), and those the ledger holds amounts for but that no longer apply to the centre,
	 * whose total is then 0 (a stream the rules no longer pay is recovered). A stream in
	 * {@code notComputed} (its inputs are missing) is left as the ledger has it.
	 */
	public List<Settlement> settleAll(long runId, String jobName, PaymentKind kind, String finess, int exercice,
			String ruleSet, Map<PaymentStream, BigDecimal> totals, Set<PaymentStream> notComputed, LocalDate today) {
		Map<PaymentStream, BigDecimal> settled = new EnumMap<>(totals);
		for (PaymentStream stream : this.ledger.streams(exercice, finess, runId)) {
			if (!settled.containsKey(stream) && !notComputed.contains(stream)) {
				settled.put(stream, BigDecimal.ZERO.setScale(2));
			}
		}
		return settled.entrySet()
			.stream()
			.map(e -> settle(runId, jobName, kind, new Computed(finess, exercice, e.getKey(), e.getValue(), ruleSet),
					today))
			.toList();
	}

	public Settlement settle(long runId, String jobName, PaymentKind kind, Computed computed, LocalDate today) {
		List<LedgerEntry> before = this.ledger.entriesBefore(computed.exercice(), computed.finess(), computed.stream(),
				runId);
		BigDecimal amount = computed.totalEuros().subtract(PaymentLedger.net(before)).setScale(2);
		String reference = null;
		if (amount.signum() != 0) {
			reference = PaymentReference.of(computed.stream(), computed.exercice(), computed.finess(), kind, runId);
			this.ledger.record(LedgerEntry.computed(reference, computed.finess(), computed.exercice(), computed.stream(),
					kind, amount, computed.ruleSet(), runId, jobName, today));
		}
		Settlement settlement = new Settlement(computed.finess(), computed.exercice(), computed.stream(), kind,
				computed.totalEuros(), before, amount, reference);
		this.settlements.save(runId, settlement);
		return settlement;
	}

}
