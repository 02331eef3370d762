package fr.cds.remuneration.ledger;

import fr.cds.remuneration.engine.PaymentStream;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
	 * What a run settles for one centre: its new totals by stream, the streams whose inputs are
	 * missing (left as the ledger has them), for an exercice under a rule set.
	 */
	public record CentreTotals(String finess, int exercice, String ruleSet, Map<PaymentStream, BigDecimal> totals,
			Set<PaymentStream> notComputed) {
	}

	/** Centres settled per ledger query: an IN list of this many FINESS at most. */
	static final int BATCH = 500;

	/**
	 * Settles every stream of each centre: those of its totals (the forfait and every other stream
	 * computed for it), and those the ledger holds amounts for but that no longer apply to the centre,
	 * whose total is then 0 (a stream the rules no longer pay is recovered). A stream in
	 * {@code notComputed} (its inputs are missing) is left as the ledger has it.
	 * <p>
	 * What the ledger holds is read for up to {@link #BATCH} centres in one query, without the
	 * run's own entries (those this call adds included), and the settlements are stored in one
	 * batch: the same entries, settlements and references as one centre and one stream at a time.
	 */
	public void settleCentres(long runId, String jobName, PaymentKind kind, List<CentreTotals> centres,
			LocalDate today) {
		for (int from = 0; from < centres.size(); from += BATCH) {
			List<CentreTotals> batch = centres.subList(from, Math.min(centres.size(), from + BATCH));
			Map<Integer, Map<String, List<LedgerEntry>>> held = new HashMap<>();
			batch.stream()
				.collect(Collectors.groupingBy(CentreTotals::exercice,
						Collectors.mapping(CentreTotals::finess, Collectors.toCollection(LinkedHashSet::new))))
				.forEach((exercice, finess) -> held.put(exercice, this.ledger.entriesBefore(exercice, finess, runId)));
			List<Settlement> settled = new ArrayList<>();
			for (CentreTotals centre : batch) {
				List<LedgerEntry> entries = held.get(centre.exercice()).getOrDefault(centre.finess(), List.of());
				Map<PaymentStream, BigDecimal> totals = new EnumMap<>(PaymentStream.class);
				totals.putAll(centre.totals());
				for (LedgerEntry entry : entries) {
					if (!totals.containsKey(entry.stream()) && !centre.notComputed().contains(entry.stream())) {
						totals.put(entry.stream(), BigDecimal.ZERO.setScale(2));
					}
				}
				for (Map.Entry<PaymentStream, BigDecimal> total : totals.entrySet()) {
					List<LedgerEntry> before = entries.stream().filter(e -> e.stream() == total.getKey()).toList();
					settled.add(settle(runId, jobName, kind, new Computed(centre.finess(), centre.exercice(),
							total.getKey(), total.getValue(), centre.ruleSet()), before, today));
				}
			}
			this.settlements.saveAll(runId, settled);
		}
	}

	/**
	 * Records in the ledger what brings {@code before} (the stream's entries, without this run's
	 * own) to the computed total, and returns the settlement, not stored.
	 */
	public Settlement settle(long runId, String jobName, PaymentKind kind, Computed computed, List<LedgerEntry> before,
			LocalDate today) {
		BigDecimal amount = computed.totalEuros().subtract(PaymentLedger.net(before)).setScale(2);
		String reference = null;
		if (amount.signum() != 0) {
			reference = PaymentReference.of(computed.stream(), computed.exercice(), computed.finess(), kind, runId);
			this.ledger.record(LedgerEntry.computed(reference, computed.finess(), computed.exercice(), computed.stream(),
					kind, amount, computed.ruleSet(), runId, jobName, today));
		}
		return new Settlement(computed.finess(), computed.exercice(), computed.stream(), kind, computed.totalEuros(),
				before, amount, reference);
	}

}
