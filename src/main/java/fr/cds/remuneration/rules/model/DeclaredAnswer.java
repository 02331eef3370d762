package fr.cds.remuneration.rules.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads a raw declared answer as the indicator's answer type expects it. The same parsing serves
 * the validation of declarations.csv and the engine, so a value accepted at input is always
 * understood the same way by the computation.
 */
public final class DeclaredAnswer {

	private DeclaredAnswer() {
	}

	/** {@code oui}/{@code non} (also {@code 1}/{@code 0}) as a boolean. */
	public static Optional<Boolean> asYesNo(String raw) {
		return switch (raw.strip().toLowerCase(Locale.ROOT)) {
			case "oui", "1" -> Optional.of(true);
			case "non", "0" -> Optional.of(false);
			default -> Optional.empty();
		};
	}

	/** A non-negative integer (level or count). */
	public static Optional<Integer> asNumber(String raw) {
		String value = raw.strip();
		if (value.isEmpty() || value.length() > 6) {
			return Optional.empty();
		}
		// a plain loop: called for every row of declarations.csv, where a stream cost more than the check
		for (int i = 0; i < value.length(); i++) {
			if (!Character.isDigit(value.charAt(i))) {
				return Optional.empty();
			}
		}
		return Optional.of(Integer.parseInt(value));
	}

	/**
	 * A whole percentage, with or without its sign: {@code 75}, {@code 75 %}, {@code 75%}; the words
	 * {@code oui} and {@code non} read as 100 and 0, so that a declaration written for the same
	 * indicator answered yes/no elsewhere (the accord's CONCERTATION) keeps its meaning ({@code 1}
	 * stays 1 %).
	 */
	public static Optional<Integer> asRate(String raw) {
		String value = raw.strip();
		switch (value.toLowerCase(Locale.ROOT)) {
			case "oui":
				return Optional.of(100);
			case "non":
				return Optional.of(0);
			default:
				break;
		}
		if (value.endsWith("%")) {
			value = value.substring(0, value.length() - 1).strip();
		}
		return asNumber(value);
	}

	/**
	 * The answer as a number: 1/0 for yes/no, the level or count otherwise; empty when the raw value
	 * does not fit the type.
	 */
	public static Optional<Integer> asQuantity(AnswerType type, String raw) {
		return switch (type) {
			case YES_NO -> asYesNo(raw).map(yes -> yes ? 1 : 0);
			case LEVEL, COUNT -> asNumber(raw);
			case RATE -> asRate(raw);
			case AUTOMATIC -> Optional.empty();
		};
	}

}
