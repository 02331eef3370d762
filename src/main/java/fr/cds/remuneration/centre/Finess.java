package fr.cds.remuneration.centre;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * FINESS number of an establishment as the national register writes it: 9 characters, the
 * département first ({@code 01}..{@code 95}, {@code 2A}/{@code 2B} for Corsica, {@code 9701}..
 * {@code 9704} and {@code 9706} overseas), then a serial number, then a check key in the ninth
 * position (Luhn over the first eight characters, Corsica's letter read as {@code 0}). Only a
 * valid FINESS is ever used to build a file name. docs/identifiers-and-privacy.md gives the
 * sources and the choices.
 */
public record Finess(String value) implements Comparable<Finess> {

	/** Metropolitan département then 7 digits, or {@code 970} + overseas digit then 5 digits. */
	private static final Pattern FORMAT = Pattern.compile("(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B)[0-9]{7}|970[1-46][0-9]{5}");

	/** What is wrong with a candidate FINESS, for the reject reason. */
	public enum Problem {
		MISSING, MALFORMED, WRONG_KEY
	}

	public Finess {
		if (!isWellFormed(value)) {
			throw new IllegalArgumentException("malformed FINESS: " + value);
		}
	}

	/** Right format and right check key. */
	public static boolean isWellFormed(String value) {
		return problem(value).isEmpty();
	}

	/** Empty when {@code value} is a valid FINESS, else what is wrong with it. */
	public static Optional<Problem> problem(String value) {
		if (value == null || value.isEmpty()) {
			return Optional.of(Problem.MISSING);
		}
		if (value.length() != 9 || !FORMAT.matcher(value).matches()) {
			return Optional.of(Problem.MALFORMED);
		}
		if (value.charAt(8) != checkKey(value.substring(0, 8))) {
			return Optional.of(Problem.WRONG_KEY);
		}
		return Optional.empty();
	}

	public static Optional<Finess> parse(String value) {
		String stripped = value == null ? null : value.strip();
		return isWellFormed(stripped) ? Optional.of(new Finess(stripped)) : Optional.empty();
	}

	/**
	 * The FINESS made of {@code firstEight} and its check key.
	 * @throws IllegalArgumentException when the result is not a valid FINESS
	 */
	public static Finess withKey(String firstEight) {
		if (firstEight.length() != 8) {
			throw new IllegalArgumentException("8 characters expected: " + firstEight);
		}
		return new Finess(firstEight + checkKey(firstEight));
	}

	/**
	 * Luhn key of the first eight characters: from the right, every other digit starting with the
	 * rightmost is doubled (9 subtracted above 9), the key brings the sum to a multiple of 10. The
	 * letter of {@code 2A}/{@code 2B} counts as {@code 0}, so the département reads as Corsica's
	 * former code 20.
	 */
	static char checkKey(String firstEight) {
		int sum = 0;
		for (int i = 0; i < firstEight.length(); i++) {
			char c = firstEight.charAt(firstEight.length() - 1 - i);
			int digit = c >= '0' && c <= '9' ? c - '0' : 0;
			if (i % 2 == 0) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
		}
		return (char) ('0' + (10 - sum % 10) % 10);
	}

	/** Département code the FINESS belongs to, in the COG coding of the reference table. */
	public String departement() {
		if (this.value.startsWith("970")) {
			// the register numbers overseas as 970 + the last digit of the COG code 971..976
			return "97" + this.value.charAt(3);
		}
		return this.value.substring(0, 2);
	}

	@Override
	public int compareTo(Finess other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
