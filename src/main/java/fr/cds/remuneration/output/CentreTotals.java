package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import fr.cds.remuneration.snapshot.ResultSummary;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * Totals of a group of centres: how many, how many paid the forfait or failing its socle, how much
 * per payment stream.
 *
 * @param total the forfait's total
 * @param byStream the total of every stream, the forfait included (zero for a stream no centre has)
 */
public record CentreTotals(long centres, long paid, long socleFailed, BigDecimal total,
		Map<PaymentStream, BigDecimal> byStream) {

	public static CentreTotals of(List<ResultSummary> results) {
		Map<PaymentStream, BigDecimal> byStream = new EnumMap<>(PaymentStream.class);
		for (PaymentStream stream : PaymentStream.values()) {
			byStream.put(stream, results.stream().map(r -> r.total(stream)).reduce(BigDecimal.ZERO, BigDecimal::add));
		}
		return new CentreTotals(results.size(), results.stream().filter(r -> r.totalEuros().signum() > 0).count(),
				results.stream().filter(r -> !r.socleMet()).count(), byStream.get(PaymentStream.computedFromIndicators()), byStream);
	}

	/** Average forfait per centre paid, to the cent (zero when none is paid). */
	public BigDecimal averagePerCentrePaid() {
		return this.paid == 0 ? BigDecimal.ZERO : this.total.divide(BigDecimal.valueOf(this.paid), 2, RoundingMode.HALF_UP);
	}

	/** Every stream together. */
	public BigDecimal grandTotal() {
		return this.byStream.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
