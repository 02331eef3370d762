package fr.cds.remuneration.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * French formatting of numbers, amounts and dates for everything a centre reads: {@code 12 345,67 €},
 * {@code 31/12/2024}. The thousands separator and the space before € are no-break spaces, so that an amount never wraps.
 */
public final class FrenchFormat {

	private static final char THOUSANDS = '\u00A0';

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private FrenchFormat() {
	}

	/** {@code 12 345,67 €}. */
	/** The text with its first letter in capitals: a label used at the start of a line or a sentence. */
	public static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	public static String euros(BigDecimal amount) {
		return number(amount.setScale(2, RoundingMode.HALF_UP)) + "\u00A0€";
	}

	/** Fixed number of decimals, with grouping: {@code 2 224,45}. */
	public static String decimal(BigDecimal value, int decimals) {
		return number(value.setScale(decimals, RoundingMode.HALF_UP));
	}

	/** As few decimals as the value needs (at most {@code maxDecimals}): {@code 4 000}, {@code 12,5}. */
	public static String compact(BigDecimal value, int maxDecimals) {
		BigDecimal rounded = value.setScale(maxDecimals, RoundingMode.HALF_UP).stripTrailingZeros();
		return number(rounded.scale() < 0 ? rounded.setScale(0) : rounded);
	}

	public static String integer(long value) {
		return number(BigDecimal.valueOf(value));
	}

	/** A rate as a percentage: {@code 0.1234} → {@code 12,34 %}. */
	public static String percent(BigDecimal rate) {
		return decimal(rate.movePointRight(2), 2) + "\u00A0%";
	}

	public static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	/** Plain decimal with a comma and no grouping, for spreadsheet cells: {@code 12345,67}. */
	public static String cell(BigDecimal value, int decimals) {
		return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
	}

	/**
	 * The plain digits grouped by three with a no-break space, the decimal point a comma: written
	 * into one array (every amount of every statement goes through here, issue 21).
	 */
	private static String number(BigDecimal value) {
		String plain = value.toPlainString();
		int start = plain.charAt(0) == '-' ? 1 : 0;
		int dot = plain.indexOf('.', start);
		int end = dot < 0 ? plain.length() : dot;
		int wholeDigits = end - start;
		char[] out = new char[plain.length() + (wholeDigits - 1) / 3];
		int at = 0;
		if (start == 1) {
			out[at++] = '-';
		}
		for (int i = start; i < end; i++) {
			if (i > start && (end - i) % 3 == 0) {
				out[at++] = THOUSANDS;
			}
			out[at++] = plain.charAt(i);
		}
		if (dot >= 0) {
			out[at++] = ',';
			plain.getChars(dot + 1, plain.length(), out, at);
		}
		return new String(out);
	}

}
