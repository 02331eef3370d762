package fr.cds.remuneration.extract;

/**
 * The known scheme codes a folder has already numbered, at most {@link #SIZE}: a linear scan with
 * equals over a handful of short codes costs less than hashing each row's fresh string.
 */
final class SchemeCache {

	private static final int SIZE = 16;

	private final String[] codes = new String[SIZE];

	private final int[] numbers = new int[SIZE];

	private int count;

	/** The code's number when it is cached, -1 otherwise. */
	int number(String code) {
		for (int i = 0; i < this.count; i++) {
			if (this.codes[i].equals(code)) {
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
