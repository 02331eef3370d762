package fr.cds.remuneration.extract;

import fr.cds.remuneration.rules.model.PatientBase;

/** Patients of one population of a centre, in total and by status. */
public record PopulationCounts(long patients, long c2s, long ame, long ald, long handicap) {

	public static final PopulationCounts NONE = new PopulationCounts(0, 0, 0, 0, 0);

	/** The count a {@code per_patient} base designates within this population. */
	public long count(PatientBase base) {
		return switch (base) {
			case PATIENTS, FILE_ACTIVE_EQUIPE -> this.patients;
			case C2S -> this.c2s;
			case AME -> this.ame;
			case ALD -> this.ald;
			case HANDICAP -> this.handicap;
		};
	}

	public PopulationCounts plus(PopulationCounts other) {
		return new PopulationCounts(this.patients + other.patients, this.c2s + other.c2s, this.ame + other.ame,
				this.ald + other.ald, this.handicap + other.handicap);
	}

}
