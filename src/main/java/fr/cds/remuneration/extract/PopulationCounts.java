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

	/** {@code this + sign × other}: sums partial counts, or takes removed rows out ({@code sign} -1). */
	public PopulationCounts plus(PopulationCounts other, long sign) {
		return new PopulationCounts(this.patients + sign * other.patients, this.c2s + sign * other.c2s,
				this.ame + sign * other.ame, this.ald + sign * other.ald, this.handicap + sign * other.handicap);
	}

}
