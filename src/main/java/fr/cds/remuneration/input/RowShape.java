package fr.cds.remuneration.input;

/**
 * Reasons for rows whose shape is wrong, shared by every reader so that the same problem reads the
 * same in rejects.csv whatever the file.
 */
public final class RowShape {

	/** No field of the project's layouts holds a line break: a quoted one is a broken export. */
	public static final String LINE_BREAK = "saut de ligne à l'intérieur d'un champ entre guillemets";

	private RowShape() {
	}

	/** Why a row has {@code values.length} fields instead of {@code expected}; names the separator when it is wrong. */
	public static String wrongFieldCount(String[] values, int expected) {
		String reason = "nombre de colonnes incorrect : " + values.length + " au lieu de " + expected;
		if (values.length == 1 && (values[0].indexOf(',') >= 0 || values[0].indexOf('\t') >= 0)) {
			return reason + " (séparateur « , » ou tabulation au lieu de « ; » ?)";
		}
		return reason;
	}

	public static boolean hasLineBreak(String value) {
		return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
	}

	/** The value on one line, its line breaks shown as {@code ⏎}. */
	public static String visibleLineBreaks(String value) {
		return value.replace("\r\n", "⏎").replace('\n', '⏎').replace('\r', '⏎');
	}

}
