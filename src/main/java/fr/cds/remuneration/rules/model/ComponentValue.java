package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.util.List;

/** The numbers of one component for a period; the shape depends on the component's kind. */
public sealed interface ComponentValue {

	/** Whether every amount is zero: such a value can never pay anything. */
	boolean paysNothing();

	/**
	 * @param amount amount per item (or once)
	 * @param maxItems {@code null}: paid once when met; otherwise paid per declared item, at most
	 * this many
	 */
	record Fixed(BigDecimal amount, Integer maxItems) implements ComponentValue {

		@Override
		public boolean paysNothing() {
			return this.amount.signum() == 0;
		}

	}

	/**
	 * @param amounts amount of level 1, 2, … (index 0 is level 1)
	 * @param cumulative whether level n earns the sum of levels 1..n or only the amount of level n
	 */
	record Levels(List<BigDecimal> amounts, boolean cumulative) implements ComponentValue {

		public Levels {
			amounts = List.copyOf(amounts);
		}

		@Override
		public boolean paysNothing() {
			return this.amounts.stream().allMatch(a -> a.signum() == 0);
		}

	}

	/**
	 * @param reference size of the reference patient list (e.g. 4,000; 1 for "per patient")
	 * @param tiers rate per reference list, by bracket of patients
	 * @param maxItems as for {@link Fixed}: multiplies by the declared count, at most this many
	 */
	record PerPatient(BigDecimal reference, List<Tier> tiers, Integer maxItems) implements ComponentValue {

		public PerPatient {
			tiers = List.copyOf(tiers);
		}

		@Override
		public boolean paysNothing() {
			return Tier.allZero(this.tiers);
		}

	}

	/** @param tiers rate per FTE, by bracket of FTE */
	record PerProfessional(List<Tier> tiers) implements ComponentValue {

		public PerProfessional {
			tiers = List.copyOf(tiers);
		}

		@Override
		public boolean paysNothing() {
			return Tier.allZero(this.tiers);
		}

	}

}
