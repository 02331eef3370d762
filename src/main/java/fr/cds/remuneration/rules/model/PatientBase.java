package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.common.DataCode;

/**
 * The patients a {@code per_patient} component counts. {@link #PATIENTS} is the centre type's
 * patient list (médecin traitant list or file active, a rule parameter); the statuses count the
 * patients of that list who have the status; {@link #FILE_ACTIVE_EQUIPE} is the team active list.
 */
public enum PatientBase implements DataCode {

	PATIENTS("patients", "patients"),
	C2S("c2s", "patients bénéficiaires de la C2S"),
	AME("ame", "patients bénéficiaires de l'AME"),
	ALD("ald", "patients en ALD"),
	HANDICAP("handicap", "patients en situation de handicap"),
	FILE_ACTIVE_EQUIPE("file_active_equipe", "patients de la file active d'équipe");

	private final String dataValue;

	private final String label;

	PatientBase(String dataValue, String label) {
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
