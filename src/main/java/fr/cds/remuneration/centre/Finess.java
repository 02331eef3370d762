package fr.cds.remuneration.centre;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * FINESS number of an establishment: 9 characters whose first two give the département
 * ({@code 2A}/{@code 2B} for Corsica, {@code 97x} overseas, {@code 98} for Mayotte). Only a
 * validated FINESS is ever used to build a file name.
 */
public record Finess(String value) implements Comparable<Finess> {

	private static final Pattern FORMAT = Pattern.compile("(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6]|98)[0-9]{6,7}");

	public Finess {
		if (!isWellFormed(value)) {
			throw new IllegalArgumentException("malformed FINESS: " + value);
		}
	}

	public static boolean isWellFormed(String value) {
		return value != null && value.length() == 9 && FORMAT.matcher(value).matches();
	}

	public static Optional<Finess> parse(String value) {
		String stripped = value == null ? null : value.strip();
		return isWellFormed(stripped) ? Optional.of(new Finess(stripped)) : Optional.empty();
	}

	/** Département code the FINESS belongs to, in the COG coding of the reference table. */
	public String departement() {
		if (this.value.startsWith("97")) {
			return this.value.substring(0, 3);
		}
		if (this.value.startsWith("98")) {
			return "976";
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
