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

	private static String number(BigDecimal value) {
		String plain = value.toPlainString();
		boolean negative = plain.startsWith("-");
		String digits = negative ? plain.substring(1) : plain;
		int dot = digits.indexOf('.');
		String whole = dot < 0 ? digits : digits.substring(0, dot);
		String fraction = dot < 0 ? "" : "," + digits.substring(dot + 1);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0) {
				grouped.append(THOUSANDS);
			}
			grouped.append(whole.charAt(i));
		}
		return (negative ? "-" : "") + grouped + fraction;
	}

}
