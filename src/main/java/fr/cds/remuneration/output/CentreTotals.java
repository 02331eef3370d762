package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Totals of a group of centres: how many, how many paid or failing the socle, how much. */
public record CentreTotals(long centres, long paid, long socleFailed, BigDecimal total) {

	public static CentreTotals of(List<ResultSummary> results) {
		return new CentreTotals(results.size(), results.stream().filter(r -> r.totalEuros().signum() > 0).count(),
				results.stream().filter(r -> !r.socleMet()).count(),
				results.stream().map(ResultSummary::totalEuros).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	/** Average amount per centre paid, to the cent (zero when none is paid). */
	public BigDecimal averagePerCentrePaid() {
		return this.paid == 0 ? BigDecimal.ZERO : this.total.divide(BigDecimal.valueOf(this.paid), 2, RoundingMode.HALF_UP);
	}

}
