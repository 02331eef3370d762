package fr.cds.remuneration.input;

import java.util.ArrayList;
import java.util.List;

import fr.cds.remuneration.centre.Profession;

/**
 * The input files of a run and their columns. The layouts are this project's own (the national
 * export formats are not public) and are documented in docs/inputs.md; a file whose header differs is
 * refused as a whole, before any row is read.
 */
public enum InputFile {

	CENTRES("centres.csv", centreColumns(), false),
	DECLARATIONS("declarations.csv", List.of("finess", "exercice", "indicateur", "valeur"), false),
	/** Contracts in force during the exercice; a year without any contract is legitimate. */
	CONTRACTS("contracts.csv",
			List.of("finess", "numero_contrat", "type_contrat", "date_debut", "date_fin", "etp", "zone"), true),
	PATIENTS("patients.csv", List.of("id_patient", "finess", "medecin_traitant", "age", "ald", "c2s", "ame",
			"handicap", "non_vu_2_ans", "regime", "contacts_medecin_generaliste", "contacts_medecin_autre", "contacts_infirmier",
			"contacts_chirurgien_dentiste", "contacts_sage_femme", "contacts_masseur_kinesitherapeute",
			"contacts_autre"), false);

	/** Optional columns of centres.csv: the account the centre is paid on (see the payer's desk). */
	public static final String IBAN = "iban";

	public static final String BIC = "bic";

	/** Prefix of the FTE columns of centres.csv, followed by {@link Profession#column()}. */
	public static final String FTE_PREFIX = "etp_";

	private final String fileName;

	private final List<String> columns;

	private final boolean mayHaveNoRow;

	InputFile(String fileName, List<String> columns, boolean mayHaveNoRow) {
		this.fileName = fileName;
		this.columns = List.copyOf(columns);
		this.mayHaveNoRow = mayHaveNoRow;
	}

	public String fileName() {
		return this.fileName;
	}

	public List<String> columns() {
		return this.columns;
	}

	/** Columns a file may have or not: a header without them is as valid as one with them. */
	public List<String> optionalColumns() {
		return this == CENTRES ? List.of(IBAN, BIC) : List.of();
	}

	/**
	 * Whether a file holding its header only is valid: no contract in the exercice is a fact, an
	 * empty list of centres or patients is a failed export.
	 */
	public boolean mayHaveNoRow() {
		return this.mayHaveNoRow;
	}

	private static List<String> centreColumns() {
		List<String> columns = new ArrayList<>(List.of("finess", "raison_sociale", "type", "departement",
				"date_adhesion", "date_ouverture", "date_fermeture", "zone"));
		for (Profession profession : Profession.values()) {
			columns.add(FTE_PREFIX + profession.column());
		}
		return columns;
	}

}
