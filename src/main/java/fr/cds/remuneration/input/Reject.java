package fr.cds.remuneration.input;

/**
 * One problem with one input row: listed in rejects.csv, never silently dropped. A patient
 * identifier is never put in {@code value}; line breaks of a value are shown as {@code ⏎}, so
 * that every reject reads on one line.
 *
 * @param finess the row's FINESS when it could be read, so that the centre's statement can say
 * that data were rejected for it; {@code null} otherwise
 */
public record Reject(String file, long line, String finess, String field, String value, String reason) {

	/** Longest value kept: enough to recognise it, bounded for the database. */
	public static final int MAX_VALUE_LENGTH = 200;

	public Reject {
		if (value != null && RowShape.hasLineBreak(value)) {
			value = RowShape.visibleLineBreaks(value);
		}
		if (value != null && value.length() > MAX_VALUE_LENGTH) {
			value = value.substring(0, MAX_VALUE_LENGTH) + "…";
		}
	}

}
