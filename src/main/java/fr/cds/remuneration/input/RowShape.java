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

	/**
	 * The index of the first control or invisible formatting character of {@code value} (a tab, an
	 * escape, a right-to-left override, a zero-width space...), -1 if none: such a character can hide
	 * or reverse the text a statement shows, and no field of the layouts holds one. Line breaks have
	 * their own reason.
	 */
	public static int invisibleCharacter(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\n' || c == '\r') {
				continue;
			}
			int type = Character.getType(c);
			if (type == Character.CONTROL || (type == Character.FORMAT && c != '\u00AD')) {
				return i;
			}
		}
		return -1;
	}

	/** Why the character at {@code index} of {@code value} is refused, naming it by its code point. */
	public static String invisibleReason(String value, int index) {
		return String.format("caractère invisible ou de contrôle U+%04X en position %d : il peut masquer ou"
				+ " retourner le texte affiché ; supprimez-le", (int) value.charAt(index), index + 1);
	}

	public static boolean hasLineBreak(String value) {
		return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
	}

	/** The value on one line, its line breaks shown as {@code ⏎}. */
	public static String visibleLineBreaks(String value) {
		return value.replace("\r\n", "⏎").replace('\n', '⏎').replace('\r', '⏎');
	}

}
