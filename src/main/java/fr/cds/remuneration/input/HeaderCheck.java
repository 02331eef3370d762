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
			throw refused(fileName, expected, "empty file: a header row is required");
		}
		List<String> names = new ArrayList<>();
		header.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
		if (names.size() == 1) {
			checkSingleField(fileName, expected, names.get(0));
		}
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			if (index.put(names.get(i), i) != null
					&& (expected.contains(names.get(i)) || optional.contains(names.get(i)))) {
				throw refused(fileName, expected, "column '" + names.get(i) + "' appears twice");
			}
		}
		Set<String> missing = new TreeSet<>(expected);
		missing.removeAll(names);
		if (missing.size() == expected.size()) {
			throw refused(fileName, expected, "the first line is not the header (none of its " + names.size()
					+ " fields is a column name): the file must start with the header row");
		}
		Set<String> unknown = new TreeSet<>(names);
		expected.forEach(unknown::remove);
		optional.forEach(unknown::remove);
		if (!missing.isEmpty() || !unknown.isEmpty()) {
			throw refused(fileName, expected, "header does not match the expected layout"
					+ (missing.isEmpty() ? "" : "; missing: " + missing) + (unknown.isEmpty() ? "" : "; unknown: " + unknown)
					+ suggestions(missing, unknown));
		}
		return Map.copyOf(index);
	}

	private static void checkSingleField(String fileName, List<String> expected, String field) {
		if (field.isEmpty()) {
			throw refused(fileName, expected, "the first line is empty: the file must start with the header row");
		}
		for (char separator : OTHER_SEPARATORS.toCharArray()) {
			if (field.indexOf(separator) >= 0 && field.contains(expected.get(0))) {
				throw refused(fileName, expected, "wrong separator: columns must be separated by ';', the header uses '"
						+ (separator == '\t' ? "tab" : String.valueOf(separator)) + "'");
			}
		}
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
		return hints.isEmpty() ? "" : " (misspelled? " + String.join(", ", hints) + ")";
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
		return new InputFileException(fileName, 1, problem + " (expected: " + String.join(";", expected) + ")");
	}

}
