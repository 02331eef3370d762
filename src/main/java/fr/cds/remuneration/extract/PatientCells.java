package fr.cds.remuneration.extract;

import java.util.Locale;

/**
 * Reads the flag and number cells of a patient row without allocating: a cell that does not read
 * is recorded in the row's problems and read as -1.
 */
final class PatientCells {

	private PatientCells() {
	}

	/** 0 or 1 for a flag, -1 (and a problem) when the value is not a flag. */
	static int flag(RowCells values, int column, String field, String centre, PatientRowProblems problems) {
		if (values.length(column) == 1) {
			// the usual cell, read without making a string of it
			char c = values.charAt(column, 0);
			if (c == '1' || c == '0') {
				return c - '0';
			}
		}
		String value = values.value(column);
		switch (value.length() == 1 ? value : value.strip().toLowerCase(Locale.ROOT)) {
			case "1", "oui":
				return 1;
			case "0", "non":
				return 0;
			default:
				problems.add(centre, field, value, "valeur non reconnue (attendu : 0/1 ou oui/non)");
				return -1;
		}
	}

	/** A whole number in [0, max], or -1 (and a problem). */
	static int number(RowCells values, int column, String field, int max, String centre,
			PatientRowProblems problems) {
		int length = values.length(column);
		if (length == 0 || length > 6) {
			problems.add(centre, field, values.value(column), length == 0 ? "valeur manquante" : "nombre invraisemblable");
			return -1;
		}
		int result = 0;
		for (int i = 0; i < length; i++) {
			char c = values.charAt(column, i);
			if (c < '0' || c > '9') {
				problems.add(centre, field, values.value(column), "nombre entier positif attendu");
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		if (result > max) {
			problems.add(centre, field, values.value(column), "valeur invraisemblable (plus de " + max + ")");
			return -1;
		}
		return result;
	}

}
