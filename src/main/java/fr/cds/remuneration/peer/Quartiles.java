package fr.cds.remuneration.peer;

import java.math.BigDecimal;
import java.util.List;

/**
 * The first quartile, the median and the third quartile of a sorted list, by linear interpolation
 * between order statistics (R's type 7, Excel's {@code QUARTILE.INC}): the quartile p of n values
 * x₀ ≤ … ≤ xₙ₋₁ sits at position h = (n − 1)·p, and is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). With
 * p = ¼, ½, ¾ the fraction is 0, ¼, ½ or ¾, so the result is exact in decimal.
 */
public record Quartiles(BigDecimal q1, BigDecimal median, BigDecimal q3) {

	public static Quartiles of(List<BigDecimal> sorted) {
		if (sorted.isEmpty()) {
			throw new IllegalArgumentException("no value");
		}
		return new Quartiles(at(sorted, 1), at(sorted, 2), at(sorted, 3));
	}

	/** The quartile {@code quarter}/4: position (n − 1)·quarter/4 in quarters, split into rank and fraction. */
	static BigDecimal at(List<BigDecimal> sorted, int quarter) {
		int quarters = (sorted.size() - 1) * quarter;
		int rank = quarters / 4;
		int fraction = quarters % 4;
		BigDecimal low = sorted.get(rank);
		if (fraction == 0) {
			return low;
		}
		BigDecimal high = sorted.get(rank + 1);
		return low.add(high.subtract(low).multiply(BigDecimal.valueOf(fraction)).divide(BigDecimal.valueOf(4)));
	}

}
