package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

import fr.cds.remuneration.rules.PaymentSchedule;

/**
 * The advance of a centre for an exercice: {@code rate} × what its socle indicators would earn at
 * 100 % (each socle line's amount when met, with the centre's size and pro-rata), rounded half-up
 * to the cent, at least the minimum, but never more than that socle amount: a small centre is not
 * advanced money its socle could not earn, which would only be recovered at the balance.
 */
public final class AdvanceCalculator {

	private AdvanceCalculator() {
	}

	/**
	 * @param socleAt100Euros what the socle indicators would earn if all met
	 * @param proportionalEuros {@code rate × socleAt100Euros}, rounded
	 * @param amountEuros the advance
	 */
	public record Computed(BigDecimal socleAt100Euros, BigDecimal proportionalEuros, BigDecimal amountEuros,
			PaymentSchedule.Advance rule) {

		/** Whether the minimum (capped at the socle amount) set the advance. */
		public boolean minimumApplied() {
			return this.amountEuros.compareTo(this.proportionalEuros) > 0;
		}

	}

	public static Computed compute(CentreResult result, PaymentSchedule.Advance rule) {
		BigDecimal socle = result.lines()
			.stream()
			.filter(IndicatorLine::socle)
			.map(IndicatorLine::potentialEuros)
			.reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
		BigDecimal proportional = socle.multiply(rule.rate()).setScale(2, RoundingMode.HALF_UP);
		BigDecimal floor = rule.minimumEur().min(socle).setScale(2, RoundingMode.HALF_UP);
		return new Computed(socle, proportional, proportional.max(floor), rule);
	}

}
