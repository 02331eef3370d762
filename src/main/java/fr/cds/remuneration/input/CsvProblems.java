package fr.cds.remuneration.input;

/**
 * The French for what Commons CSV says about a file it cannot split into fields: its messages are
 * English and reach the operator inside ours. Recognised by their fixed wording; anything else is
 * described without being quoted.
 */
final class CsvProblems {

	private CsvProblems() {
	}

	static String french(String message) {
		String text = message == null ? "" : message;
		if (text.contains("EOF reached before encapsulated token finished")) {
			return "un guillemet ouvert n'est jamais fermé avant la fin du fichier";
		}
		if (text.contains("Invalid character between encapsulated token and delimiter")) {
			return "du texte suit un guillemet fermant avant le séparateur";
		}
		if (text.contains("EOF while processing escape sequence") || text.contains("invalid parse sequence")) {
			return "séquence de caractères invalide";
		}
		return "découpage en champs impossible";
	}

}
