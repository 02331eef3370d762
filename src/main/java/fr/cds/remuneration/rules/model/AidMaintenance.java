package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.util.Set;

import fr.cds.remuneration.centre.Profession;

/**
 * An aid paid beyond a contract year only to the centres whose measure is at or above a national
 * percentile of that measure over every centre of the run the aid applies to (avenant 5: « maintien
 * de la rémunération après 3 ans si CdS dans le percentile 95 et plus », assistants médicaux).
 *
 * @param afterYear the contract years after this one are paid only at or above the threshold
 * @param measure what is ranked
 * @param professions the FTE the measure divides by
 * @param percentile in (0, 100]; the threshold is the nearest-rank percentile
 */
public record AidMaintenance(int afterYear, PeerMeasure measure, Set<Profession> professions, BigDecimal percentile) {

	public AidMaintenance {
		professions = Set.copyOf(professions);
	}

}
