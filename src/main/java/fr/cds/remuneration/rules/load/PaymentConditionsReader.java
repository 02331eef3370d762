package fr.cds.remuneration.rules.load;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.rules.model.AidConditions;
import fr.cds.remuneration.rules.model.AidMaintenance;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.MtPrecarityUplift;
import fr.cds.remuneration.rules.model.PeerMeasure;
import fr.cds.remuneration.rules.model.Territory;
import fr.cds.remuneration.rules.model.Timeline;

/**
 * Reads the optional conditions of the payments outside the forfait (issue 22 §3): an aid's
 * territories and centre zones, its maintenance beyond a contract year above a national percentile,
 * and the médecin-traitant forfait's precarity uplift. Each dated value has its status, source and
 * text like every other.
 */
final class PaymentConditionsReader {

	/** The keys of a contract aid this reader owns. */
	static final Set<String> AID_KEYS = Set.of("territories", "centre_zones", "maintenance");

	private final FileParser parser;

	PaymentConditionsReader(FileParser parser) {
		this.parser = parser;
	}

	/**
	 * {@code territories: [metropole]}, {@code centre_zones: [ZAC, HORS_ZONE]}, {@code maintenance:
	 * [{from: 2024, after_year: 3, measure: medecin_traitant_per_fte, professions: [...], percentile:
	 * 95, status, source, text}]}; absent: no condition.
	 */
	AidConditions aid(String code, Map<String, YamlNode> f, YamlNode node, ExercicePeriod applies) {
		Set<Territory> territories = EnumSet.allOf(Territory.class);
		if (f.containsKey("territories")) {
			territories = EnumSet.noneOf(Territory.class);
			for (YamlNode t : f.get("territories").list()) {
				territories.add(t.oneOf(v -> DataCode.parse(Territory.class, v), "metropole ou drom"));
			}
			if (territories.isEmpty()) {
				throw f.get("territories").fail("aucun territoire");
			}
		}
		Set<Zone> centreZones = EnumSet.allOf(Zone.class);
		if (f.containsKey("centre_zones")) {
			centreZones = EnumSet.noneOf(Zone.class);
			for (YamlNode z : f.get("centre_zones").list()) {
				centreZones.add(z.oneOf(Zone::fromFileValue, "ZIP, ZAC ou HORS_ZONE"));
			}
			if (centreZones.isEmpty()) {
				throw f.get("centre_zones").fail("aucune zone");
			}
		}
		Timeline<AidMaintenance> maintenance = f.containsKey("maintenance")
				? this.parser.timeline(code + ".maintenance", f.get("maintenance"),
						Set.of("after_year", "measure", "professions", "percentile"), v -> maintenance(v, node), applies,
						false)
				: new Timeline<>(List.of());
		return new AidConditions(territories, centreZones, maintenance);
	}

	private AidMaintenance maintenance(Map<String, YamlNode> v, YamlNode owner) {
		YamlNode percentileNode = this.parser.required(v, "percentile", owner.line());
		BigDecimal percentile = this.parser.positive(percentileNode);
		if (percentile.compareTo(BigDecimal.valueOf(100)) > 0) {
			throw percentileNode.fail("un centile est compris entre 0 (exclu) et 100, trouvé " + percentile.toPlainString());
		}
		return new AidMaintenance(this.parser.positiveInt(this.parser.required(v, "after_year", owner.line())),
				this.parser.required(v, "measure", owner.line())
					.oneOf(m -> DataCode.parse(PeerMeasure.class, m), "medecin_traitant_per_fte"),
				this.parser.professions(this.parser.required(v, "professions", owner.line())), percentile);
	}

	/** {@code precarity: [{from: 2018, threshold: 0.07, factor: 0.5, cap: 0.25, status, source, text}]}. */
	Timeline<MtPrecarityUplift> precarity(String code, YamlNode node, YamlNode owner, ExercicePeriod applies) {
		return this.parser.timeline(code + ".precarity", node, Set.of("threshold", "factor", "cap"),
				v -> new MtPrecarityUplift(share(this.parser.required(v, "threshold", owner.line())),
						this.parser.positive(this.parser.required(v, "factor", owner.line())),
						share(this.parser.required(v, "cap", owner.line()))),
				applies, false);
	}

	private BigDecimal share(YamlNode node) {
		BigDecimal share = this.parser.nonNegative(node);
		if (share.compareTo(BigDecimal.ONE) > 0) {
			throw node.fail("une part est comprise entre 0 et 1, trouvé " + share.toPlainString());
		}
		return share;
	}

}
