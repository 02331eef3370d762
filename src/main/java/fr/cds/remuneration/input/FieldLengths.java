package fr.cds.remuneration.input;

import java.util.Map;

/**
 * The longest value each column of the input files may hold, in characters. Not a format check
 * (each field has its own, with a more precise reason): a guard against absurd cells, which a
 * spreadsheet gone wrong or a hostile file can hold and which would otherwise be carried to the
 * database, the rejects and the centres' statements. Coded fields get a bound well above their
 * format, so that a merely wrong value still gets its own reason; free text gets a bound well above
 * what the registers it comes from hold. The reasoning is in docs/inputs.md.
 */
public final class FieldLengths {

	/** Bound of a coded field (FINESS, type, département, date, zone, decimal, yes/no, count). */
	public static final int CODE = 32;

	/** Bound of a centre's name: the FINESS register's names are far shorter. */
	public static final int NAME = 200;

	/** Bound of an indicator or contract-kind code, and of a contract number (its format allows 40). */
	public static final int LONG_CODE = 64;

	/** Bound of an IBAN as written on a bank form (34 characters, with spaces every four). */
	public static final int IBAN = 64;

	/** Bound of a pseudonymised patient identifier (a SHA-256 in hexadecimal is 64 characters). */
	public static final int PATIENT_ID = 128;

	private static final Map<String, Integer> WIDER = Map.of("raison_sociale", NAME, "indicateur", LONG_CODE,
			"numero_contrat", LONG_CODE, "type_contrat", LONG_CODE, InputFile.IBAN, IBAN, "id_patient", PATIENT_ID);

	private FieldLengths() {
	}

	/** The longest value {@code column} may hold; every column not named otherwise holds a code. */
	public static int max(String column) {
		return WIDER.getOrDefault(column, CODE);
	}

	/** The French reason for a value of {@code length} characters in {@code column}. */
	public static String reason(String column, int length) {
		return "valeur trop longue : " + length + " caractères, " + max(column) + " au plus pour ce champ";
	}

	/** What rejects.csv shows instead of a value too long to be quoted. */
	public static String described(int length) {
		return "(valeur non reproduite : " + length + " caractères)";
	}

}
