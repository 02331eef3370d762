package fr.cds.remuneration.impact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.IndicatorLine;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * One centre under the base rules ({@code before}) and under a draft ({@code after}), computed
 * from the same stored inputs.
 */
public record CentreImpact(CentreResult before, CentreResult after) {

	public String finess() {
		return this.after.centre().finess();
	}

	/** Each stream's amount, zero where the stream does not apply or could not be computed. */
	public static Map<PaymentStream, BigDecimal> byStream(CentreResult result) {
		Map<PaymentStream, BigDecimal> amounts = new EnumMap<>(PaymentStream.class);
		Map<PaymentStream, BigDecimal> settled = result.totalsByStream();
		for (PaymentStream stream : PaymentStream.values()) {
			amounts.put(stream, settled.getOrDefault(stream, BigDecimal.ZERO));
		}
		return amounts;
	}

	public BigDecimal difference(PaymentStream stream) {
		return byStream(this.after).get(stream).subtract(byStream(this.before).get(stream));
	}

	/** What the centre would receive in all under each side: the sum of its settled streams. */
	public static BigDecimal total(CentreResult result) {
		return byStream(result).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public BigDecimal difference() {
		return total(this.after).subtract(total(this.before));
	}

	public boolean socleChanged() {
		return this.before.socle().met() != this.after.socle().met();
	}

	/**
	 * The forfait's indicators whose euros changed, with the change, in the order of the draft's
	 * statement (then those the draft no longer has), followed by the other streams whose total changed.
	 */
	public Map<String, BigDecimal> moved() {
		Map<String, BigDecimal> before = new LinkedHashMap<>();
		this.before.lines().forEach(line -> before.put(line.code(), line.euros()));
		Map<String, BigDecimal> moved = new LinkedHashMap<>();
		for (IndicatorLine line : this.after.lines()) {
			BigDecimal change = line.euros().subtract(before.getOrDefault(line.code(), BigDecimal.ZERO));
			before.remove(line.code());
			if (change.signum() != 0) {
				moved.put(line.code(), change);
			}
		}
		before.forEach((code, euros) -> {
			if (euros.signum() != 0) {
				moved.put(code, euros.negate());
			}
		});
		Map<PaymentStream, BigDecimal> streamsBefore = byStream(this.before);
		Map<PaymentStream, BigDecimal> streamsAfter = byStream(this.after);
		for (PaymentStream stream : PaymentStream.others()) {
			BigDecimal change = streamsAfter.get(stream).subtract(streamsBefore.get(stream));
			if (change.signum() != 0) {
				moved.put(stream.name(), change);
			}
		}
		return moved;
	}

	/** The codes of {@link #moved()}, space-separated. */
	public String movedCodes() {
		return String.join(" ", new ArrayList<>(moved().keySet()));
	}

	static List<PaymentStream> streams() {
		return List.of(PaymentStream.values());
	}

}
