package fr.cds.remuneration.extract;

import java.util.Optional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.input.FieldLengths;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.input.RowChecker;
import fr.cds.remuneration.input.RowShape;
import fr.cds.remuneration.rules.model.PatientSelector;

/**
 * Validates one patient row and folds it into its centre's accumulator, or reports why it is
 * rejected. This is the hot path of a national run: no object is kept per row, and the patient
 * identifier is checked for presence only, fingerprinted for the duplicate search and never copied
 * anywhere. A rejected row's values are reported only when they cannot be an identifier (see
 * {@link PatientRowProblems#add}).
 */
final class PatientRowFolder {

	private static final String FILE = InputFile.PATIENTS.fileName();

	private static final int MAX_AGE = PatientSelector.MAX_AGE;

	private static final int MAX_CONTACTS = 10_000;

	private static final String[] PHYSICIAN_CONTACTS = { "contacts_medecin_generaliste", "contacts_medecin_autre" };

	/** Index of the general practitioners' contacts in {@link #PHYSICIAN_CONTACTS}. */
	private static final int GENERAL_PRACTITIONER = 0;

	/** Oldest age counted as a child ("enfants âgés de 0 à 16 ans", règlement arbitral 2015, art. 5.1). */
	private static final int MAX_CHILD_AGE = 16;

	/** Contacts with a non-physician profession: they make a médecin-traitant patient a team patient. */
	private static final String[] OTHER_CONTACTS = { "contacts_infirmier", "contacts_chirurgien_dentiste",
			"contacts_sage_femme", "contacts_masseur_kinesitherapeute", "contacts_autre" };

	private final int id;

	private final int finess;

	private final int medecinTraitant;

	private final int age;

	private final int ald;

	private final int c2s;

	private final int ame;

	private final int handicap;

	private final int notSeen;

	private final int regime;

	private final int[] physicianContacts;

	private final int[] otherContacts;

	private final int columnCount;

	private final String[] columnNames;

	private final CentreAccumulator[] accumulators;

	private final KnownCentres centres;

	private final SchemeNumbers schemes = new SchemeNumbers();

	private final Consumer<Reject> rejects;

	private final AcceptedRowSink sink;

	private long accepted;

	private long rejected;

	/**
	 * The last centre looked up (its cell as written, its FINESS stripped) and its number: the extract
	 * lists a centre's patients together, so comparing the cell with the previous row's spares a
	 * fresh string and a hash on almost every row (a measured 5–15 % of the extract's CPU went to the
	 * three hash lookups of each row).
	 */
	private String lastCentreCell;

	private String lastCentre;

	private int lastCentreIndex;

	/** The accepted scheme codes met so far (cells as written) and their numbers: a handful, compared in place. */
	private final SchemeCache schemeCache = new SchemeCache();

	/**
	 * @param columns column name to index, from the file's header
	 * @param centres the centres accepted for the run
	 * @param rejects where rejected rows are reported
	 * @param sink receives every accepted row's fingerprint and contribution
	 */
	PatientRowFolder(Map<String, Integer> columns, KnownCentres centres, Consumer<Reject> rejects,
			AcceptedRowSink sink) {
		this.id = columns.get("id_patient");
		this.finess = columns.get("finess");
		this.medecinTraitant = columns.get("medecin_traitant");
		this.age = columns.get("age");
		this.ald = columns.get("ald");
		this.c2s = columns.get("c2s");
		this.ame = columns.get("ame");
		this.handicap = columns.get("handicap");
		this.notSeen = columns.get("non_vu_2_ans");
		this.regime = columns.get("regime");
		this.physicianContacts = indexes(columns, PHYSICIAN_CONTACTS);
		this.otherContacts = indexes(columns, OTHER_CONTACTS);
		this.columnCount = columns.size();
		this.columnNames = new String[this.columnCount];
		columns.forEach((name, index) -> this.columnNames[index] = name);
		if (centres.size() > SpilledRow.MAX_CENTRES) {
			throw new IllegalArgumentException(centres.size() + " centres: at most " + SpilledRow.MAX_CENTRES);
		}
		this.centres = centres;
		this.accumulators = new CentreAccumulator[centres.size()];
		for (int i = 0; i < centres.size(); i++) {
			this.accumulators[i] = new CentreAccumulator();
		}
		this.rejects = rejects;
		this.sink = sink;
	}

	/**
	 * Folds the row read at {@code line}; returns whether it was accepted.
	 *
	 * @param spansLines whether the row runs over several physical lines (a quoted line break)
	 */
	boolean fold(RowCells values, long line, boolean spansLines) {
		PatientRowProblems problems = new PatientRowProblems(line);
		int fields = values.count();
		if (fields != this.columnCount) {
			// the centre is named when its column still holds a known one, so that its statement tells; an
			// unknown value is never quoted (a shifted row can put an identifier there)
			String named = fields > this.finess && this.centres.indexOf(values.value(this.finess).strip()) >= 0
					? values.value(this.finess).strip() : null;
			problems.addDescribed(named, "*", fields + " champs", RowShape.wrongFieldCount(values.values(), this.columnCount));
			return reject(problems);
		}
		// a known centre's FINESS was checked when centres.csv was read: the pattern is for the others
		int centreIndex = centreIndex(values);
		String centre = this.lastCentre;
		if (centreIndex < 0) {
			// the cell is never quoted nor used to name the centre: a shifted row can put an identifier there
			Optional<String> malformed = Finess.problem(centre).map(RowChecker::finessReason);
			if (malformed.isEmpty()) {
				// a valid FINESS of a centre not in centres.csv: a patient of another centre, whose
				// other cells are none of this run's business
				problems.add(null, "finess", centre, PatientRejectReasons.UNKNOWN_CENTRE);
				return reject(problems);
			}
			problems.add(null, "finess", centre, malformed.get());
			centre = null;
		}
		if (spansLines) {
			for (int i = 0; i < fields; i++) {
				String value = values.value(i);
				if (RowShape.hasLineBreak(value)) {
					problems.add(centre, this.columnNames[i], RowShape.visibleLineBreaks(value), RowShape.LINE_BREAK);
				}
			}
		}
		if (values.isBlank(this.id)) {
			problems.add(centre, "id_patient", "", "identifiant patient manquant");
		}
		else if (values.length(this.id) > FieldLengths.PATIENT_ID) {
			problems.addDescribed(centre, "id_patient", FieldLengths.described(values.length(this.id)),
					FieldLengths.reason("id_patient", values.length(this.id)));
		}
		int mt = PatientCells.flag(values, this.medecinTraitant, "medecin_traitant", centre, problems);
		int isAld = PatientCells.flag(values, this.ald, "ald", centre, problems);
		int isC2s = PatientCells.flag(values, this.c2s, "c2s", centre, problems);
		int isAme = PatientCells.flag(values, this.ame, "ame", centre, problems);
		int isHandicap = PatientCells.flag(values, this.handicap, "handicap", centre, problems);
		int isNotSeen = PatientCells.flag(values, this.notSeen, "non_vu_2_ans", centre, problems);
		int patientAge = PatientCells.number(values, this.age, "age", MAX_AGE, centre, problems);
		int cachedScheme = this.schemeCache.number(values, this.regime);
		String scheme = cachedScheme >= 0 ? null : values.value(this.regime).strip();
		if (cachedScheme < 0 && !SchemeCodes.isKnown(scheme)) {
			problems.add(centre, "regime", scheme, scheme.isEmpty() ? "code de régime manquant"
					: "code de régime inconnu (attendu : " + SchemeCodes.listed() + ")");
		}
		int physician = 0;
		int other = 0;
		int generalPractitioner = 0;
		for (int i = 0; i < this.physicianContacts.length; i++) {
			int contacts = Math.max(0,
					PatientCells.number(values, this.physicianContacts[i], PHYSICIAN_CONTACTS[i], MAX_CONTACTS, centre,
							problems));
			physician += contacts;
			if (i == GENERAL_PRACTITIONER) {
				generalPractitioner = contacts;
			}
		}
		for (int i = 0; i < this.otherContacts.length; i++) {
			other += Math.max(0,
					PatientCells.number(values, this.otherContacts[i], OTHER_CONTACTS[i], MAX_CONTACTS, centre, problems));
		}
		if (isC2s == 1 && isAme == 1) {
			problems.addDescribed(centre, "c2s", "1", "drapeaux contradictoires : C2S et AME ne se cumulent pas");
		}
		if (problems.any()) {
			return reject(problems);
		}
		int contribution = (isC2s == 1 ? RowContribution.C2S : 0) | (isAme == 1 ? RowContribution.AME : 0)
				| (isAld == 1 ? RowContribution.ALD : 0) | (isHandicap == 1 ? RowContribution.HANDICAP : 0)
				| (isNotSeen == 1 ? RowContribution.NOT_SEEN : 0);
		contribution = RowContribution.withAge(contribution, patientAge);
		if (mt == 1) {
			contribution |= RowContribution.of(Population.MEDECIN_TRAITANT);
			if (other > 0) {
				contribution |= RowContribution.of(Population.FILE_ACTIVE_EQUIPE);
			}
		}
		if (physician + other > 0) {
			contribution |= RowContribution.of(Population.FILE_ACTIVE);
		}
		if (mt == 1 || (patientAge <= MAX_CHILD_AGE && generalPractitioner >= 2)) {
			contribution |= RowContribution.of(Population.MEDECIN_TRAITANT_ENFANTS);
		}
		if (generalPractitioner > 0) {
			contribution |= RowContribution.of(Population.ACTE_GENERALISTE);
		}
		int schemeNumber = cachedScheme >= 0 ? cachedScheme : schemeNumber(values.value(this.regime), scheme, line);
		this.accumulators[centreIndex].add(contribution, schemeNumber);
		this.sink.accepted(PatientIdHash.of(values, this.id), centreIndex, line, schemeNumber, contribution);
		this.accepted++;
		return true;
	}

	long accepted() {
		return this.accepted;
	}

	long rejected() {
		return this.rejected;
	}

	/** The scheme codes met so far, by number. */
	List<String> schemes() {
		return this.schemes.names();
	}

	/** The aggregate of every centre that has at least one accepted row. */
	Map<String, PatientAggregate> aggregates() {
		Map<String, PatientAggregate> result = new HashMap<>();
		List<String> names = this.schemes.names();
		for (int i = 0; i < this.accumulators.length; i++) {
			if (this.accumulators[i].rows() > 0) {
				result.put(this.centres.finess(i), this.accumulators[i].toAggregate(names));
			}
		}
		return result;
	}

	private boolean reject(PatientRowProblems problems) {
		problems.report(this.rejects);
		this.rejected++;
		return false;
	}

	/** The row's centre number (-1 if unknown); {@link #lastCentre} is then its stripped FINESS cell. */
	private int centreIndex(RowCells values) {
		if (!values.is(this.finess, this.lastCentreCell)) {
			this.lastCentreCell = values.value(this.finess);
			this.lastCentre = this.lastCentreCell.strip();
			this.lastCentreIndex = this.centres.indexOf(this.lastCentre);
		}
		return this.lastCentreIndex;
	}

	/**
	 * Numbers a known scheme code, which is then cached under the cell as written (the numbering stays
	 * that of {@link SchemeNumbers}).
	 */
	private int schemeNumber(String cell, String scheme, long line) {
		int number = this.schemes.number(scheme);
		if (number < 0) {
			throw new InputFileException(FILE, line, "plus de " + SchemeNumbers.MAX
					+ " codes de régime distincts dans la colonne 'regime' : elle ne contient pas des codes de régime");
		}
		this.schemeCache.add(cell, number);
		return number;
	}

	private static int[] indexes(Map<String, Integer> columns, String[] names) {
		int[] indexes = new int[names.length];
		for (int i = 0; i < names.length; i++) {
			indexes[i] = columns.get(names[i]);
		}
		return indexes;
	}

}
