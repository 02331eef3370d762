package fr.cds.remuneration.peer;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The peer benchmark of a run: for each {@link Measure}, centre type and region, and for each type
 * nationally, the distribution of the centres' figures (see {@link PeerGroup} for what may be
 * published). Pure: built from the figures of every centre computed in the run, before any
 * statement is written. Held centres have no result and are in no group.
 */
public final class PeerBenchmark {

	private final Map<Key, PeerGroup> groups;

	private record Key(Measure measure, String type, String regionCode) {
	}

	private PeerBenchmark(Map<Key, PeerGroup> groups) {
		this.groups = groups;
	}

	public static PeerBenchmark of(List<PeerFigures> centres) {
		Map<Key, List<BigDecimal>> values = new LinkedHashMap<>();
		Map<Key, Integer> excluded = new LinkedHashMap<>();
		Map<String, String> typeLabels = new LinkedHashMap<>();
		Map<String, String> regionNames = new LinkedHashMap<>();
		for (PeerFigures centre : centres) {
			typeLabels.putIfAbsent(centre.type(), centre.typeLabel());
			regionNames.putIfAbsent(centre.regionCode(), centre.regionName());
			for (Measure measure : Measure.values()) {
				for (String region : new String[] { centre.regionCode(), null }) {
					Key key = new Key(measure, centre.type(), region);
					values.computeIfAbsent(key, k -> new ArrayList<>());
					excluded.putIfAbsent(key, 0);
					BigDecimal value = centre.values().get(measure);
					if (value == null) {
						excluded.merge(key, 1, Integer::sum);
					}
					else {
						values.get(key).add(value);
					}
				}
			}
		}
		Map<Key, PeerGroup> groups = new LinkedHashMap<>();
		values.forEach((key, list) -> {
			list.sort(Comparator.naturalOrder());
			groups.put(key, PeerGroup.of(key.measure(), key.type(), typeLabels.get(key.type()), key.regionCode(),
					key.regionCode() == null ? null : regionNames.get(key.regionCode()), list, excluded.get(key)));
		});
		return new PeerBenchmark(groups);
	}

	/**
	 * A centre against its peers, measure by measure: the centres of its type in its region, or in
	 * the whole country when fewer than {@link PeerGroup#MIN_CENTRES} of them have the figure.
	 */
	public PeerComparison compare(PeerFigures centre) {
		List<PeerComparison.Row> rows = new ArrayList<>();
		for (Measure measure : Measure.values()) {
			PeerGroup regional = this.groups.get(new Key(measure, centre.type(), centre.regionCode()));
			PeerGroup national = this.groups.get(new Key(measure, centre.type(), null));
			PeerGroup group = regional != null && regional.publishable() ? regional : national;
			rows.add(new PeerComparison.Row(measure, Optional.ofNullable(centre.values().get(measure))
				.map(v -> PeerGroup.round(measure, v)), centre.reasons().get(measure), group, regional));
		}
		return new PeerComparison(centre, rows);
	}

	/**
	 * Every group, for the summaries: by measure, type label, then the national group before the
	 * regions in French alphabetical order.
	 */
	public List<PeerGroup> groups() {
		Collator french = Collator.getInstance(Locale.FRENCH);
		Comparator<PeerGroup> order = Comparator.comparing(PeerGroup::measure)
			.thenComparing(PeerGroup::typeLabel, french)
			.thenComparing(g -> g.national() ? 0 : 1)
			.thenComparing(g -> g.national() ? "" : g.regionName(), french);
		return this.groups.values().stream().sorted(order).toList();
	}

}
