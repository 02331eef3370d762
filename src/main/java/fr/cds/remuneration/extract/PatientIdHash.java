package fr.cds.remuneration.extract;

/**
 * A 64-bit fingerprint of a patient identifier, to find duplicate rows without keeping the
 * identifiers: FNV-1a over the characters (leading and trailing spaces and control
 * characters ignored, like {@link String#trim()}), then the MurmurHash3 finaliser to spread the bits. Two rows of the same centre
 * with different identifiers share a fingerprint with a probability of about n²/2⁶⁵ for a centre
 * of n patients (below 10⁻⁷ for a million): the duplicate reject names both lines, so such a
 * collision would be visible, never silent.
 */
final class PatientIdHash {

	private static final long FNV_OFFSET = 0xcbf29ce484222325L;

	private static final long FNV_PRIME = 0x100000001b3L;

	private PatientIdHash() {
	}

	/** The fingerprint of cell {@code column} of a row (read in place, whatever its form). */
	static long of(RowCells row, int column) {
		int start = 0;
		int end = row.length(column);
		while (start < end && row.charAt(column, start) <= ' ') {
			start++;
		}
		while (end > start && row.charAt(column, end - 1) <= ' ') {
			end--;
		}
		long hash = FNV_OFFSET;
		for (int i = start; i < end; i++) {
			char c = row.charAt(column, i);
			hash = (hash ^ (c & 0xFF)) * FNV_PRIME;
			hash = (hash ^ (c >>> 8)) * FNV_PRIME;
		}
		hash ^= hash >>> 33;
		hash *= 0xff51afd7ed558ccdL;
		hash ^= hash >>> 33;
		hash *= 0xc4ceb9fe1a85ec53L;
		hash ^= hash >>> 33;
		return hash;
	}

}
