package fr.cds.remuneration.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.Reject;

/**
 * Validates one patient row and folds it into its centre's accumulator, or reports why it is
 * rejected. This is the hot path of a national run: no object is kept per row, and the patient
 * identifier is checked for presence only and never copied anywhere.
 */
final class PatientRowFolder {

	private static final String FILE = InputFile.PATIENTS.fileName();

	private static final int MAX_AGE = 120;

	private static final int MAX_CONTACTS = 10_000;

	private final int id;

	private final int finess;

	private final int medecinTraitant;

	private final int age;

	private final int ald;

	private final int c2s;

	private final int ame;

	private final int handicap;

	private final int regime;

	private static final String[] PHYSICIAN_CONTACTS = { "contacts_medecin_generaliste", "contacts_medecin_autre" };

	/** Contacts with a non-physician profession: they make a médecin-traitant patient a team patient. */
	private static final String[] OTHER_CONTACTS = { "contacts_infirmier", "contacts_chirurgien_dentiste",
			"contacts_sage_femme", "contacts_masseur_kinesitherapeute", "contacts_autre" };

	private final int[] physicianContacts;

	private final int[] otherContacts;

	private final int columnCount;

	private final Set<String> knownCentres;

	private final Map<String, CentreAccumulator> accumulators = new HashMap<>();

	private final Consumer<Reject> rejects;

	private long accepted;

	private long rejected;

	/**
	 * @param columns column name to index, from the file's header
	 * @param knownCentres FINESS of the centres accepted for the run
	 * @param rejects where rejected rows are reported
	 */
	PatientRowFolder(Map<String, Integer> columns, Set<String> knownCentres, Consumer<Reject> rejects) {
		this.id = columns.get("id_patient");
		this.finess = columns.get("finess");
		this.medecinTraitant = columns.get("medecin_traitant");
		this.age = columns.get("age");
		this.ald = columns.get("ald");
		this.c2s = columns.get("c2s");
		this.ame = columns.get("ame");
		this.handicap = columns.get("handicap");
		this.regime = columns.get("regime");
		this.physicianContacts = indexes(columns, PHYSICIAN_CONTACTS);
		this.otherContacts = indexes(columns, OTHER_CONTACTS);
		this.columnCount = columns.size();
		this.knownCentres = knownCentres;
		this.rejects = rejects;
	}

	/** Folds the row read at {@code line}; returns whether it was accepted. */
	boolean fold(String[] values, long line) {
		RowProblems problems = new RowProblems(line);
		if (values.length != this.columnCount) {
			problems.add(null, "*", values.length + " champs",
					"nombre de colonnes incorrect : " + values.length + " au lieu de " + this.columnCount);
			return problems.report();
		}
		String centre = values[this.finess].strip();
		if (!Finess.isWellFormed(centre)) {
			problems.add(null, "finess", centre, centre.isEmpty() ? "FINESS manquant" : "FINESS mal formé");
			centre = null;
		}
		else if (!this.knownCentres.contains(centre)) {
			problems.add(centre, "finess", centre, "centre inconnu (absent de centres.csv ou rejeté)");
		}
		if (values[this.id].isBlank()) {
			problems.add(centre, "id_patient", "", "identifiant patient manquant");
		}
		int mt = flag(values, this.medecinTraitant, "medecin_traitant", centre, problems);
		int isAld = flag(values, this.ald, "ald", centre, problems);
		int isC2s = flag(values, this.c2s, "c2s", centre, problems);
		int isAme = flag(values, this.ame, "ame", centre, problems);
		int isHandicap = flag(values, this.handicap, "handicap", centre, problems);
		number(values, this.age, "age", MAX_AGE, centre, problems);
		String scheme = values[this.regime].strip();
		if (!isSchemeCode(scheme)) {
			problems.add(centre, "regime", scheme, "code de régime manquant ou mal formé");
		}
		int physician = 0;
		int other = 0;
		for (int i = 0; i < this.physicianContacts.length; i++) {
			physician += Math.max(0,
					number(values, this.physicianContacts[i], PHYSICIAN_CONTACTS[i], MAX_CONTACTS, centre, problems));
		}
		for (int i = 0; i < this.otherContacts.length; i++) {
			other += Math.max(0, number(values, this.otherContacts[i], OTHER_CONTACTS[i], MAX_CONTACTS, centre, problems));
		}
		if (isC2s == 1 && isAme == 1) {
			problems.add(centre, "c2s", "1", "drapeaux contradictoires : C2S et AME ne se cumulent pas");
		}
		if (problems.any()) {
			return problems.report();
		}
		CentreAccumulator accumulator = this.accumulators.computeIfAbsent(centre, c -> new CentreAccumulator());
		accumulator.row(scheme);
		boolean c2sFlag = isC2s == 1;
		boolean ameFlag = isAme == 1;
		boolean aldFlag = isAld == 1;
		boolean handicapFlag = isHandicap == 1;
		if (mt == 1) {
			accumulator.add(Population.MEDECIN_TRAITANT, c2sFlag, ameFlag, aldFlag, handicapFlag);
			if (other > 0) {
				accumulator.add(Population.FILE_ACTIVE_EQUIPE, c2sFlag, ameFlag, aldFlag, handicapFlag);
			}
		}
		if (physician + other > 0) {
			accumulator.add(Population.FILE_ACTIVE, c2sFlag, ameFlag, aldFlag, handicapFlag);
		}
		this.accepted++;
		return true;
	}

	long accepted() {
		return this.accepted;
	}

	long rejected() {
		return this.rejected;
	}

	Map<String, PatientAggregate> aggregates() {
		Map<String, PatientAggregate> result = new HashMap<>();
		this.accumulators.forEach((centre, accumulator) -> result.put(centre, accumulator.toAggregate()));
		return result;
	}

	/** 0 or 1 for a flag, -1 (and a problem) when the value is not a flag. */
	private static int flag(String[] values, int column, String field, String centre, RowProblems problems) {
		String value = values[column];
		switch (value.length() == 1 ? value : value.strip().toLowerCase(java.util.Locale.ROOT)) {
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
	private static int number(String[] values, int column, String field, int max, String centre,
			RowProblems problems) {
		String value = values[column];
		int length = value.length();
		if (length == 0 || length > 6) {
			problems.add(centre, field, value, length == 0 ? "valeur manquante" : "nombre invraisemblable");
			return -1;
		}
		int result = 0;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				problems.add(centre, field, value, "nombre entier positif attendu");
				return -1;
			}
			result = result * 10 + (c - '0');
		}
		if (result > max) {
			problems.add(centre, field, value, "valeur invraisemblable (plus de " + max + ")");
			return -1;
		}
		return result;
	}

	private static int[] indexes(Map<String, Integer> columns, String[] names) {
		int[] indexes = new int[names.length];
		for (int i = 0; i < names.length; i++) {
			indexes[i] = columns.get(names[i]);
		}
		return indexes;
	}

	private static boolean isSchemeCode(String scheme) {
		if (scheme.isEmpty() || scheme.length() > 12) {
			return false;
		}
		for (int i = 0; i < scheme.length(); i++) {
			char c = scheme.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/** Problems of the current row; allocated per row but almost always empty. */
	private final class RowProblems {

		private final long line;

		private List<Reject> list;

		RowProblems(long line) {
			this.line = line;
		}

		void add(String centre, String field, String value, String reason) {
			if (this.list == null) {
				this.list = new ArrayList<>(2);
			}
			this.list.add(new Reject(FILE, this.line, centre, field, value, reason));
		}

		boolean any() {
			return this.list != null;
		}

		boolean report() {
			this.list.forEach(PatientRowFolder.this.rejects);
			PatientRowFolder.this.rejected++;
			return false;
		}

	}

}
