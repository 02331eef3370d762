package fr.cds.remuneration.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Property-based testing, small: a property is checked on many cases drawn from fixed seeds, so
 * that every run checks the same cases and a failure names the seed of the case that breaks it
 * (rerun it alone with {@code -Dcds.cases.seed=<seed> -Dcds.cases.tries=1}). Generators favour
 * small sizes and the edges of each range, where bugs live.
 */
public final class RandomCases {

	private RandomCases() {
	}

	/** A property over generated cases; may throw (assertions, I/O). */
	@FunctionalInterface
	public interface Property<T> {

		void check(T value) throws Exception;

	}

	/**
	 * Checks {@code property} on {@code tries} cases made by {@code generator}, the first from
	 * {@code seed} and the next from the following seeds.
	 */
	public static <T> void check(int tries, long seed, Function<Draw, T> generator, Property<T> property) {
		long first = Long.getLong("cds.cases.seed", seed);
		int count = Integer.getInteger("cds.cases.tries", tries);
		for (int i = 0; i < count; i++) {
			long caseSeed = first + i;
			T value = generator.apply(new Draw(new SplittableRandom(caseSeed)));
			try {
				property.check(value);
			}
			catch (Throwable failure) {
				throw new AssertionError("property fails for the case of seed " + caseSeed + ":\n" + value, failure);
			}
		}
	}

	/** Draws values for one case. */
	public static final class Draw {

		private final SplittableRandom random;

		Draw(SplittableRandom random) {
			this.random = random;
		}

		/** An int in {@code [min, max]}, one of the bounds a fifth of the time. */
		public int between(int min, int max) {
			int edge = this.random.nextInt(10);
			if (edge == 0) {
				return min;
			}
			if (edge == 1) {
				return max;
			}
			return min + this.random.nextInt(max - min + 1);
		}

		public boolean chance(int percent) {
			return this.random.nextInt(100) < percent;
		}

		@SafeVarargs
		public final <T> T oneOf(T... values) {
			return values[this.random.nextInt(values.length)];
		}

		public <T> T oneOf(List<T> values) {
			return values.get(this.random.nextInt(values.size()));
		}

		public String digits(int length) {
			StringBuilder digits = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				digits.append((char) ('0' + this.random.nextInt(10)));
			}
			return digits.toString();
		}

		/** A string of {@code [1, maxLength]} characters of {@code alphabet}. */
		public String text(String alphabet, int maxLength) {
			int length = between(1, maxLength);
			StringBuilder text = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(this.random.nextInt(alphabet.length())));
			}
			return text.toString();
		}

		public LocalDate date(LocalDate from, LocalDate to) {
			return from.plusDays(this.random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
		}

		/** The values in a random order. */
		public <T> List<T> shuffled(List<T> values) {
			List<T> shuffled = new ArrayList<>(values);
			for (int i = shuffled.size() - 1; i > 0; i--) {
				int j = this.random.nextInt(i + 1);
				T swap = shuffled.get(i);
				shuffled.set(i, shuffled.get(j));
				shuffled.set(j, swap);
			}
			return shuffled;
		}

	}

}
