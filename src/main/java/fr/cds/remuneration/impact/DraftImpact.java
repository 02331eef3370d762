package fr.cds.remuneration.impact;

import java.util.List;

/** Every centre of the exercice under the base and under one draft, in FINESS order. */
public record DraftImpact(Draft draft, List<CentreImpact> centres) {

	public DraftImpact {
		centres = List.copyOf(centres);
	}

}
