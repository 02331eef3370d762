package fr.cds.remuneration.output;

import java.util.List;

/**
 * A centre a run holds (en attente): not computed, not settled, not paid, until its data are
 * corrected.
 *
 * @param reasons French reasons: what is missing or implausible, and what to correct
 */
public record HeldCentre(String finess, String name, String typeLabel, String regionName, List<String> reasons) {

	public HeldCentre {
		reasons = List.copyOf(reasons);
	}

}
