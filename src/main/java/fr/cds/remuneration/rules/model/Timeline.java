package fr.cds.remuneration.rules.model;

import java.util.List;
import java.util.Optional;

/**
 * The successive values of one parameter over the exercices, OpenFisca-style. The loader
 * guarantees that periods do not overlap, so at most one value applies to an exercice.
 */
public record Timeline<T>(List<Dated<T>> entries) {

	public Timeline {
		entries = List.copyOf(entries);
	}

	public Optional<Resolved<T>> at(int exercice) {
		return this.entries.stream().filter(e -> e.period().contains(exercice)).findFirst().map(Dated::resolved);
	}

	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

}
