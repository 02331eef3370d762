package fr.cds.remuneration.engine;

import java.math.BigDecimal;

import fr.cds.remuneration.rules.model.Unit;

/** A quantity in the rule set's unit (points or euros), kept exact until a line is rounded. */
public record Amount(BigDecimal value, Unit unit) {

	public static Amount zero(Unit unit) {
		return new Amount(BigDecimal.ZERO, unit);
	}

	public Amount plus(Amount other) {
		if (other.unit != this.unit) {
			throw new IllegalArgumentException("cannot add " + other.unit + " to " + this.unit);
		}
		return new Amount(this.value.add(other.value), this.unit);
	}

	public boolean isZero() {
		return this.value.signum() == 0;
	}

}
