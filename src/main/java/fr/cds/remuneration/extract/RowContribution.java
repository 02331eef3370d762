package fr.cds.remuneration.extract;

/**
 * What one accepted patient row adds to its centre's aggregate, in one byte: the populations it
 * belongs to and its statuses. Spilled with the row's fingerprint, so that a duplicate row found
 * after the fold can be taken out of the aggregate exactly.
 */
final class RowContribution {

	static final int C2S = 1;

	static final int AME = 1 << 1;

	static final int ALD = 1 << 2;

	static final int HANDICAP = 1 << 3;

	/** Bit of {@code population}, above the status bits. */
	static int of(Population population) {
		return 1 << (4 + population.ordinal());
	}

	static boolean in(int contribution, Population population) {
		return (contribution & of(population)) != 0;
	}

	private RowContribution() {
	}

}
