package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.math.MathContext;

import fr.cds.remuneration.extract.PopulationCounts;
import fr.cds.remuneration.rules.ExerciceRules.UpliftRule;

/**
 * The precarity uplift (art. 8.6): the centre's C2S and AME rates over its patient list above the
 * national rates, floored at 0 and capped.
 */
final class PrecarityUplift {

	private PrecarityUplift() {
	}

	static UpliftResult of(UpliftRule rule, PopulationCounts patients) {
		BigDecimal c2sRate = rate(patients.c2s(), patients.patients());
		BigDecimal ameRate = rate(patients.ame(), patients.patients());
		BigDecimal excess = c2sRate.subtract(rule.nationalC2sRate().value())
			.add(ameRate.subtract(rule.nationalAmeRate().value()))
			.max(BigDecimal.ZERO);
		BigDecimal cap = rule.cap().value();
		boolean capped = excess.compareTo(cap) > 0;
		var status = rule.cap().status().weakest(rule.nationalC2sRate().status()).weakest(rule.nationalAmeRate().status());
		return new UpliftResult(c2sRate, ameRate, rule.nationalC2sRate().value(), rule.nationalAmeRate().value(), cap,
				capped ? cap : excess, capped, status);
	}

	private static BigDecimal rate(long part, long whole) {
		return whole == 0 ? BigDecimal.ZERO
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), MathContext.DECIMAL128);
	}

}
