package fr.cds.remuneration.rules.model;

/** One value of a parameter, for the exercices of its period, with its provenance. */
public record Dated<T>(ExercicePeriod period, T value, Provenance provenance) {

	public Resolved<T> resolved() {
		return new Resolved<>(this.value, this.provenance == null ? null : this.provenance.from(this.period.from()));
	}

}
