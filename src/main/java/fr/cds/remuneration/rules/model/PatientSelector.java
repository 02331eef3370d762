package fr.cds.remuneration.rules.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Which médecin-traitant patients a category of the médecin-traitant forfait counts, by what the
 * patient extract says of each patient at 31 December: age, ALD, C2S, and whether a doctor of the
 * centre saw the patient in the last two years. A {@code null} condition accepts any patient.
 *
 * @param ageFrom youngest age counted (inclusive), or {@code null}
 * @param ageTo oldest age counted (inclusive), or {@code null}
 * @param notSeen whether the patient was not seen by a doctor of the centre for two years
 */
public record PatientSelector(Integer ageFrom, Integer ageTo, Boolean ald, Boolean c2s, Boolean notSeen) {

	/** Oldest age the patient extract accepts. */
	public static final int MAX_AGE = 120;

	public boolean matches(int age, boolean isAld, boolean isC2s, boolean isNotSeen) {
		return (this.ageFrom == null || age >= this.ageFrom) && (this.ageTo == null || age <= this.ageTo)
				&& (this.ald == null || this.ald == isAld) && (this.c2s == null || this.c2s == isC2s)
				&& (this.notSeen == null || this.notSeen == isNotSeen);
	}

	/** In French, e.g. {@code 7 à 79 ans, hors ALD}; {@code tous les patients} when it accepts any. */
	public String describe() {
		List<String> parts = new ArrayList<>();
		if (this.ageFrom != null && this.ageTo != null) {
			parts.add(this.ageFrom + " à " + this.ageTo + " ans");
		}
		else if (this.ageFrom != null) {
			parts.add(this.ageFrom + " ans et plus");
		}
		else if (this.ageTo != null) {
			parts.add("moins de " + (this.ageTo + 1) + " ans");
		}
		if (this.ald != null) {
			parts.add(this.ald ? "en ALD" : "hors ALD");
		}
		if (this.c2s != null) {
			parts.add(this.c2s ? "bénéficiaires de la C2S" : "hors C2S");
		}
		if (this.notSeen != null) {
			parts.add(this.notSeen ? "non vus depuis deux ans" : "vus dans les deux ans");
		}
		return parts.isEmpty() ? "tous les patients" : String.join(", ", parts);
	}

}
