package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How euro amounts are rounded: once, per statement line (scale 2 half-up by default). */
public record Rounding(int scale, RoundingMode mode) {

	public BigDecimal apply(BigDecimal exact) {
		return exact.setScale(this.scale, this.mode);
	}

}
