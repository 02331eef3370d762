package fr.cds.remuneration.snapshot;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

import fr.cds.remuneration.engine.PaymentStream;

/**
 * The few fields of a centre's result that summaries and payment files need.
 *
 * @param totalEuros the forfait's total
 * @param otherStreams the total of each other stream computed for the centre
 */
public record ResultSummary(String finess, int exercice, String ruleSet, String centreType, String regionCode,
		boolean socleMet, BigDecimal totalEuros, Map<PaymentStream, BigDecimal> otherStreams) {

	public ResultSummary {
		otherStreams = otherStreams.isEmpty() ? Map.of() : new EnumMap<>(otherStreams);
	}

	/** Every stream the centre is settled on, the forfait first. */
	public Map<PaymentStream, BigDecimal> totalsByStream() {
		Map<PaymentStream, BigDecimal> totals = new EnumMap<>(PaymentStream.class);
		totals.put(PaymentStream.computedFromIndicators(), this.totalEuros);
		totals.putAll(this.otherStreams);
		return totals;
	}

	/** The total of {@code stream}, zero when the stream does not apply to the centre. */
	public BigDecimal total(PaymentStream stream) {
		return totalsByStream().getOrDefault(stream, BigDecimal.ZERO);
	}

	/** The forfait and every other stream. */
	public BigDecimal grandTotalEuros() {
		return totalsByStream().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
