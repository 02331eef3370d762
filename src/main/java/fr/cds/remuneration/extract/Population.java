package fr.cds.remuneration.extract;

import fr.cds.remuneration.common.DataCode;

/**
 * The patient lists the extract is folded into, per centre. Their definitions are fixed here
 * because the per-centre aggregates are frozen with the run: a re-processing must not need the
 * patient rows again.
 */
public enum Population implements DataCode {

	/** Patients who declared a doctor of the centre as médecin traitant at 31 December. */
	MEDECIN_TRAITANT("medecin_traitant", "patientèle médecin traitant au 31/12"),
	/** Patients with at least one contact in the year with any professional of the centre. */
	FILE_ACTIVE("file_active", "file active (au moins un contact dans l'année)"),
	/**
	 * Patients of a médecin traitant of the centre who also had a contact with a non-physician
	 * profession of the centre in the year (provisional definition of the 2025 accord).
	 */
	FILE_ACTIVE_EQUIPE("file_active_equipe",
			"file active d'équipe (patients médecin traitant vus aussi par une autre profession du centre)");

	private final String dataValue;

	private final String label;

	Population(String dataValue, String label) {
		this.dataValue = dataValue;
		this.label = label;
	}

	@Override
	public String dataValue() {
		return this.dataValue;
	}

	public String label() {
		return this.label;
	}


}
