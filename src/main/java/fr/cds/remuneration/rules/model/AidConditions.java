package fr.cds.remuneration.rules.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import fr.cds.remuneration.centre.Zone;

/**
 * What an aid asks of the centre besides its type and the contract's zone.
 *
 * @param territories the centre's territory (metropolitan France or DROM, from its département)
 * @param centreZones the zone of the centre itself in centres.csv (the CST: a centre outside a ZIP
 * whose doctors work in a ZIP, the contract's zone)
 * @param maintenance the contract years paid only at or above a national percentile, dated; may be empty
 */
public record AidConditions(Set<Territory> territories, Set<Zone> centreZones, Timeline<AidMaintenance> maintenance) {

	/** No condition: every territory, every centre zone, every contract year paid. */
	public static final AidConditions NONE = new AidConditions(EnumSet.allOf(Territory.class),
			EnumSet.allOf(Zone.class), new Timeline<>(List.of()));

	public AidConditions {
		territories = Set.copyOf(territories);
		centreZones = Set.copyOf(centreZones);
	}

}
