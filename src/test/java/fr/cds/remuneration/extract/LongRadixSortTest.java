package fr.cds.remuneration.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The radix sort of the duplicate search orders like the JDK's signed sort, whatever the keys. */
class LongRadixSortTest {

	@Test
	void ordersRandomKeysOfEverySignLikeTheJdkSort() {
		SplittableRandom random = new SplittableRandom(21);
		for (int length : new int[] { 1, 2, 7, 1000, 100_003 }) {
			long[] values = random.longs(length).toArray();
			assertSortedLikeJdk(values, length);
		}
	}

	@Test
	void ordersKeysThatShareMostBytesAndTheExtremes() {
		// keys of the duplicate search: a masked fingerprint above, the row's place below
		long[] values = { Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE, 0x8000_0000_0000_0005L, 0x7F00_0000_0000_0002L,
				0xFFFF_FFFF_FFE0_0003L, 0xFFFF_FFFF_FFE0_0001L, 256, 255, -256, -255 };
		assertSortedLikeJdk(values, values.length);
		long[] sameHigh = new long[5000];
		for (int i = 0; i < sameHigh.length; i++) {
			sameHigh[i] = 0xABCD_0000_0000_0000L | (sameHigh.length - i);
		}
		assertSortedLikeJdk(sameHigh, sameHigh.length);
	}

	@Test
	void sortsOnlyThePrefixAsked() {
		long[] values = { 5, 3, 9, -1, 7 };
		LongRadixSort.sort(values, 3, new long[5]);
		assertThat(values).containsExactly(3, 5, 9, -1, 7);
	}

	private static void assertSortedLikeJdk(long[] values, int length) {
		long[] expected = values.clone();
		Arrays.sort(expected, 0, length);
		long[] actual = values.clone();
		LongRadixSort.sort(actual, length, new long[length]);
		assertThat(actual).containsExactly(expected);
	}

}
