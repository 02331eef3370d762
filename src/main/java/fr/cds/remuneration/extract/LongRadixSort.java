package fr.cds.remuneration.extract;

/**
 * Sorts longs in signed order, as {@link java.util.Arrays#sort(long[], int, int)} does, by eight
 * passes of a byte each (least significant first). The duplicate search sorts chunks of two
 * million keys: the profile of a national run put 60 % of that step in the comparison sort, which
 * this linear sort replaces (the keys are distinct, so any correct sort gives the same order).
 */
final class LongRadixSort {

	private static final int BYTES = Long.BYTES;

	private LongRadixSort() {
	}

	/**
	 * Sorts {@code values[0, length)} in place.
	 *
	 * @param scratch at least {@code length} longs, overwritten
	 */
	static void sort(long[] values, int length, long[] scratch) {
		long[] from = values;
		long[] to = scratch;
		int[] counts = new int[257];
		for (int pass = 0; pass < BYTES; pass++) {
			int shift = pass * 8;
			// the top byte's sign bit flipped: negative numbers first, as in signed order
			int flip = pass == BYTES - 1 ? 0x80 : 0;
			java.util.Arrays.fill(counts, 0);
			for (int i = 0; i < length; i++) {
				counts[((int) (from[i] >>> shift) & 0xFF ^ flip) + 1]++;
			}
			if (counts[((int) (from[0] >>> shift) & 0xFF ^ flip) + 1] == length) {
				// every key has the same byte here: the pass would leave the order as it is
				continue;
			}
			for (int b = 0; b < 256; b++) {
				counts[b + 1] += counts[b];
			}
			for (int i = 0; i < length; i++) {
				long value = from[i];
				to[counts[(int) (value >>> shift) & 0xFF ^ flip]++] = value;
			}
			long[] swap = from;
			from = to;
			to = swap;
		}
		if (from != values) {
			System.arraycopy(from, 0, values, 0, length);
		}
	}

}
