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
 */
public final class HeaderCheck {

	private HeaderCheck() {
	}

	/** Column name to index, or an {@link InputFileException} saying what differs. */
	public static Map<String, Integer> columns(InputFile layout, CSVRecord header) {
		return columns(layout.fileName(), layout.columns(), header);
	}

	/** The same check for a file of another layout than the annual run's inputs. */
	public static Map<String, Integer> columns(String fileName, List<String> expected, CSVRecord header) {
		if (header == null) {
			throw new InputFileException(fileName, 1,
					"empty file: a header row is required (" + String.join(";", expected) + ")");
		}
		List<String> names = new ArrayList<>();
		header.forEach(name -> names.add(name.strip().toLowerCase(Locale.ROOT)));
		if (names.size() == 1 && (names.get(0).contains(",") || names.get(0).contains("\t"))) {
			throw new InputFileException(fileName, 1,
					"wrong separator: columns must be separated by ';' (found ',' or tab in the header)");
		}
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			if (index.put(names.get(i), i) != null) {
				throw new InputFileException(fileName, 1, "column '" + names.get(i) + "' appears twice");
			}
		}
		Set<String> missing = new TreeSet<>(expected);
		missing.removeAll(names);
		Set<String> unknown = new TreeSet<>(names);
		expected.forEach(unknown::remove);
		if (!missing.isEmpty() || !unknown.isEmpty()) {
			throw new InputFileException(fileName, 1,
					"header does not match the expected layout" + (missing.isEmpty() ? "" : "; missing: " + missing)
							+ (unknown.isEmpty() ? "" : "; unknown: " + unknown) + " (expected: "
							+ String.join(";", expected) + ")");
		}
		return Map.copyOf(index);
	}

}
