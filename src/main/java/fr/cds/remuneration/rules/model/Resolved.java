package fr.cds.remuneration.rules.model;

/** The value a parameter takes for one exercice, and where it comes from. */
public record Resolved<T>(T value, Provenance provenance) {

	public ValueStatus status() {
		return this.provenance.status();
	}

}
