package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.model.Tier;

/**
 * A tiered rate applied to a base, with the formula in French built from the same numbers: the
 * forfait's per-patient and per-professional parts, and the aids paid per FTE of a contract.
 *
 * @param amount {@code Σ rate × (part of base in the bracket) / reference}
 */
record TieredRate(BigDecimal amount, String formula) {

	/**
	 * E.g. 1,700 points per 4,000 patients up to 8,000, then 1,100 per 4,000 beyond.
	 *
	 * @param reference the base the rate is given for (4,000 patients; 1 for a rate per unit)
	 */
	static TieredRate of(List<Tier> tiers, BigDecimal base, BigDecimal reference, String unit, String baseLabel) {
		BigDecimal amount = BigDecimal.ZERO;
		BigDecimal lower = BigDecimal.ZERO;
		List<String> parts = new ArrayList<>();
		boolean perUnit = reference.compareTo(BigDecimal.ONE) == 0;
		for (Tier tier : tiers) {
			BigDecimal portion = base.subtract(lower).max(BigDecimal.ZERO);
			if (tier.upTo() != null) {
				portion = portion.min(tier.upTo().subtract(lower));
			}
			if (portion.signum() > 0 || parts.isEmpty()) {
				amount = amount.add(tier.rate().multiply(portion).divide(reference, MathContext.DECIMAL128));
				String part = number(tier.rate()) + " " + unit + " × " + number(portion) + " " + baseLabel
						+ (perUnit ? "" : " / " + number(reference));
				if (lower.signum() > 0) {
					part += " (au-delà de " + number(lower) + ")";
				}
				else if (tier.upTo() != null && base.compareTo(tier.upTo()) > 0) {
					part += " (jusqu'à " + number(tier.upTo()) + ")";
				}
				parts.add(part);
			}
			if (tier.upTo() == null) {
				break;
			}
			lower = tier.upTo();
		}
		return new TieredRate(amount, String.join(" + ", parts));
	}

	private static String number(BigDecimal value) {
		return FrenchFormat.compact(value, 4);
	}

}
