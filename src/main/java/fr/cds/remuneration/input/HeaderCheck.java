package fr.cds.remuneration.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVRecord;

/**
 * Checks a header row against a file's layout: the same columns, each once, in any order. A
 * mismatch refuses the whole file, since no row of it could be read with certainty.
 * <p>
 * A first line that is not a header at all (a data row, a blank line) is described without being
 * quoted: in the patient extract it would hold a patient identifier.
 */
public final class HeaderCheck {

	/** Separators a spreadsheet may have used instead of {@code ;}. */
	private static final String OTHER_SEPARATORS = ",\t|";

	private HeaderCheck() {
	}

	/** Column name to index, or an {@link InputFileException} saying what differs. */
	public static Map<String, Integer> columns(InputFile layout, CSVRecord header) {
		return columns(layout.fileName(), layout.columns(), layout.optionalColumns(), header);
	}

	/** The same check for a file of another layout than the annual run's inputs. */
	public static Map<String, Integer> columns(String fileName, List<String> expected, CSVRecord header) {
		return columns(fileName, expected, List.of(), header);
	}

	/** The same check, {@code optional} columns being accepted but not required. */
	public static Map<String, Integer> columns(String fileName, List<String> expected, List<String> optional,
			CSVRecord header) {
		if (header == null) {
			throw refused(fileName, expected, "fichier vide : la ligne d'en-tête est obligatoire");
		}
		List<String> names = new ArrayList<>();
		header.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
		if (names.size() == 1) {
			checkSingleField(fileName, expected, names.get(0));
		}
		if (names.size() > 1 && names.get(names.size() - 1).isEmpty()) {
			// a spreadsheet's export that ends every line with the separator: the columns are all there
			throw refused(fileName, expected, "l'en-tête se termine par un ';' de trop (colonne sans nom en position "
					+ names.size() + ") : supprimez le ';' en fin de ligne, dans l'en-tête et dans chaque ligne");
		}
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			if (index.put(names.get(i), i) != null
					&& (expected.contains(names.get(i)) || optional.contains(names.get(i)))) {
				throw refused(fileName, expected, "la colonne '" + names.get(i) + "' figure deux fois dans l'en-tête");
			}
		}
		Set<String> missing = new TreeSet<>(expected);
		missing.removeAll(names);
		if (missing.size() == expected.size()) {
			throw refused(fileName, expected, "la première ligne n'est pas l'en-tête (aucun de ses " + names.size()
					+ " champs n'est un nom de colonne) : le fichier doit commencer par la ligne d'en-tête");
		}
		Set<String> unknown = new TreeSet<>(names);
		expected.forEach(unknown::remove);
		optional.forEach(unknown::remove);
		if (!missing.isEmpty() || !unknown.isEmpty()) {
			String problem = "l'en-tête ne correspond pas aux colonnes attendues" + (missing.isEmpty() ? "" : " ; manquante(s) : " + missing);
			if (fileName.equals(InputFile.PATIENTS.fileName())) {
				// a header that lost its line end runs into the first patient row: its cells are never quoted
				throw refused(fileName, expected, problem + (unknown.isEmpty() ? "" : " ; colonne(s) inconnue(s) en position(s) "
						+ unknownPositions(names, expected) + " (leur contenu n'est pas reproduit)")
						+ suggestions(missing, columnShaped(unknown)));
			}
			throw refused(fileName, expected, problem + (unknown.isEmpty() ? "" : " ; inconnue(s) : " + unknown)
					+ suggestions(missing, unknown));
		}
		return Map.copyOf(index);
	}

	private static void checkSingleField(String fileName, List<String> expected, String field) {
		if (field.isEmpty()) {
			throw refused(fileName, expected, "la première ligne est vide : le fichier doit commencer par la ligne d'en-tête");
		}
		for (char separator : OTHER_SEPARATORS.toCharArray()) {
			if (field.indexOf(separator) >= 0 && field.contains(expected.get(0))) {
				throw refused(fileName, expected, "mauvais séparateur : les colonnes doivent être séparées par ';', l'en-tête utilise '"
						+ (separator == '\t' ? "tabulation" : String.valueOf(separator)) + "'");
			}
		}
	}

	/** The names made of lowercase letters and '_' only, as column names are: no identifier has that shape. */
	private static Set<String> columnShaped(Set<String> names) {
		Set<String> shaped = new TreeSet<>();
		names.stream().filter(name -> name.matches("[a-z_]{1,40}")).forEach(shaped::add);
		return shaped;
	}

	/** 1-based positions of the header fields that are no column name, the first ten at most. */
	private static String unknownPositions(List<String> names, List<String> expected) {
		List<String> positions = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			if (!expected.contains(names.get(i))) {
				positions.add(String.valueOf(i + 1));
			}
		}
		return positions.size() <= 10 ? String.join(", ", positions)
				: String.join(", ", positions.subList(0, 10)) + "... (" + positions.size() + " en tout)";
	}

	/** "did you mean" hints for misspelled columns: an unknown name close to a missing one. */
	private static String suggestions(Set<String> missing, Set<String> unknown) {
		List<String> hints = new ArrayList<>();
		for (String name : unknown) {
			missing.stream()
				.filter(column -> distance(name, column) <= 2)
				.findFirst()
				.ifPresent(column -> hints.add("'" + name + "' → '" + column + "'"));
		}
		return hints.isEmpty() ? "" : " (faute de frappe ? " + String.join(", ", hints) + ")";
	}

	/** Levenshtein distance, for the few names of a header. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private static InputFileException refused(String fileName, List<String> expected, String problem) {
		return new InputFileException(fileName, 1, problem + " (attendu : " + String.join(";", expected) + ")");
	}

}
