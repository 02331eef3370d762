package fr.cds.remuneration.centre;

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
			"file active d'équipe (patients médecin traitant vus aussi par une autre profession du centre)"),
	/**
	 * The médecin-traitant list plus the children aged 0 to 16 with at least two contacts with a
	 * general practitioner of the centre in the year (règlement arbitral of 2015, art. 5.1). A child
	 * who is also on the médecin-traitant list counts once: in 2015 children could not declare a
	 * médecin traitant, so the text's sum and this union were the same number.
	 */
	MEDECIN_TRAITANT_ENFANTS("medecin_traitant_enfants",
			"patientèle médecin traitant au 31/12 et enfants de 0 à 16 ans vus au moins deux fois par un généraliste"),
	/**
	 * Patients with at least one act of a general practitioner of the centre in the year: the
	 * population the règlement arbitral of 2015 measures the precarity rate on.
	 */
	ACTE_GENERALISTE("acte_generaliste", "patients ayant eu au moins un acte d'un médecin généraliste du centre");

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
