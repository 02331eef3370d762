package fr.cds.remuneration.extract;

import fr.cds.remuneration.centre.Population;

/**
 * What one accepted patient row adds to its centre's aggregate, in 17 bits: its statuses (bits
 * 0–3), the populations it belongs to (one bit each from bit 4), whether it was not seen for two
 * years, and its age. Spilled with the row's fingerprint, so that a duplicate row found after the
 * fold can be taken out of the aggregate exactly.
 */
final class RowContribution {

	static final int C2S = 1;

	static final int AME = 1 << 1;

	static final int ALD = 1 << 2;

	static final int HANDICAP = 1 << 3;

	private static final int POPULATION_SHIFT = 4;

	/** Not seen by a doctor of the centre for two years (above the population bits). */
	static final int NOT_SEEN = 1 << (POPULATION_SHIFT + Population.values().length);

	private static final int AGE_SHIFT = POPULATION_SHIFT + Population.values().length + 1;

	/** Seven bits of age: 0–127 holds every accepted age (0–120). */
	private static final int AGE_MASK = 0x7F;

	/** Bit of {@code population}, above the status bits. */
	static int of(Population population) {
		return 1 << (POPULATION_SHIFT + population.ordinal());
	}

	static boolean in(int contribution, Population population) {
		return (contribution & of(population)) != 0;
	}

	/** {@code contribution} with the patient's age. */
	static int withAge(int contribution, int age) {
		return contribution | ((age & AGE_MASK) << AGE_SHIFT);
	}

	static int age(int contribution) {
		return (contribution >>> AGE_SHIFT) & AGE_MASK;
	}

	private RowContribution() {
	}

}
