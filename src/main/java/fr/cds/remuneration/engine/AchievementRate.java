package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Partial payment by achievement rate (taux de réalisation): a part is paid
 * {@code amount × min(rate, 100) / 100}, kept exact until the line is rounded. The rule values
 * are the amounts at 100 % (« Le nombre de points indiqué pour chaque indicateur … correspond à
 * un taux de réalisation de 100 % », règlement arbitral of 2015, art. 5.1).
 */
final class AchievementRate {

	private static final int FULL = 100;

	private AchievementRate() {
	}

	/** {@code line} paid at {@code percent} (above 100 counts as 100). */
	static ComponentLine apply(ComponentLine line, int percent) {
		int paid = Math.min(percent, FULL);
		if (paid == FULL) {
			return line;
		}
		BigDecimal fraction = BigDecimal.valueOf(paid).divide(BigDecimal.valueOf(FULL), MathContext.DECIMAL128);
		String formula = "(" + line.formula() + ") × " + paid + " % (taux de réalisation)";
		return new ComponentLine(line.kind(), line.label(), line.base(), line.baseValue(), formula,
				new Amount(line.amount().value().multiply(fraction, MathContext.DECIMAL128), line.amount().unit()),
				line.variable(), line.upliftable(), line.provenance());
	}

}
