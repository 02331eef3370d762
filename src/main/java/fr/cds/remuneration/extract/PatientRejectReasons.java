package fr.cds.remuneration.extract;

/** Reasons of patients.csv rejects that later steps tell apart. */
public final class PatientRejectReasons {

	/**
	 * A row whose FINESS is valid but names no centre of centres.csv: a patient of another centre,
	 * rejected without holding anyone.
	 */
	public static final String UNKNOWN_CENTRE = "centre inconnu (FINESS absent de centres.csv ou rejeté)";

	private PatientRejectReasons() {
	}

}
