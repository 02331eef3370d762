package fr.cds.remuneration.engine;

import java.math.BigDecimal;

import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * The precarity uplift of a centre:
 * {@code min(cap, max(0, (c2sRate − nationalC2sRate) + (ameRate − nationalAmeRate)))}.
 */
public record UpliftResult(BigDecimal c2sRate, BigDecimal ameRate, BigDecimal nationalC2sRate,
		BigDecimal nationalAmeRate, BigDecimal cap, BigDecimal rate, boolean capped, ValueStatus status) {
}
