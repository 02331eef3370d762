package fr.cds.remuneration.extract;

/**
 * The known scheme codes a folder has already numbered, at most {@link #SIZE}, as their cells were
 * written (a cell with spaces around a code is cached apart from the bare code, under the same
 * number): a linear scan over a handful of short codes, compared in place, costs less than making
 * and hashing a fresh string on each row.
 */
final class SchemeCache {

	private static final int SIZE = 16;

	private final String[] codes = new String[SIZE];

	private final int[] numbers = new int[SIZE];

	private int count;

	/** The number of the code in cell {@code column} when it is cached, -1 otherwise. */
	int number(RowCells row, int column) {
		for (int i = 0; i < this.count; i++) {
			if (row.is(column, this.codes[i])) {
				return this.numbers[i];
			}
		}
		return -1;
	}

	void add(String code, int number) {
		if (this.count < SIZE) {
			this.codes[this.count] = code;
			this.numbers[this.count++] = number;
		}
	}

}
