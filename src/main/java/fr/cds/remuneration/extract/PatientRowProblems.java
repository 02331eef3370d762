package fr.cds.remuneration.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.Reject;

/**
 * The problems of the patient row being folded: allocated per row but almost always empty (its
 * list is made at the first problem only). A value read from the row is never quoted, only its
 * length: a shifted or swapped row can put a patient identifier in any column.
 */
final class PatientRowProblems {

	private static final String FILE = InputFile.PATIENTS.fileName();

	private final long line;

	private List<Reject> list;

	PatientRowProblems(long line) {
		this.line = line;
	}

	/**
	 * Records a problem with a value read from the row. The value itself is never quoted, only its
	 * length: a shifted or swapped row can put a patient identifier in any column, and no rule
	 * tells a short identifier from a short value. The line, the column and the reason locate it.
	 */
	void add(String centre, String field, String value, String reason) {
		addDescribed(centre, field, described(value), reason);
	}

	/** Records a problem whose value was written by the folder, not read from the row. */
	void addDescribed(String centre, String field, String value, String reason) {
		if (this.list == null) {
			this.list = new ArrayList<>(2);
		}
		this.list.add(new Reject(FILE, this.line, centre, field, value, reason));
	}

	private static String described(String value) {
		return value.isEmpty() ? "" : "(valeur non reproduite : " + value.length() + " caractères)";
	}

	boolean any() {
		return this.list != null;
	}

	/** Reports every problem of the row to {@code rejects}. */
	void report(Consumer<Reject> rejects) {
		this.list.forEach(rejects);
	}

}
