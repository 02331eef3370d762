package fr.cds.remuneration.extract;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Mutable per-centre counters filled while the extract streams by. One instance per centre, so
 * memory grows with the number of centres, never with the number of patient rows.
 */
final class CentreAccumulator {

	private static final int STATUSES = 5;

	private final long[] counts = new long[Population.values().length * STATUSES];

	private final Map<String, long[]> schemes = new HashMap<>(8);

	private long rows;

	void add(Population population, boolean c2s, boolean ame, boolean ald, boolean handicap) {
		int base = population.ordinal() * STATUSES;
		this.counts[base]++;
		if (c2s) {
			this.counts[base + 1]++;
		}
		if (ame) {
			this.counts[base + 2]++;
		}
		if (ald) {
			this.counts[base + 3]++;
		}
		if (handicap) {
			this.counts[base + 4]++;
		}
	}

	void row(String scheme) {
		this.rows++;
		this.schemes.computeIfAbsent(scheme, s -> new long[1])[0]++;
	}

	PatientAggregate toAggregate() {
		Map<Population, PopulationCounts> populations = new EnumMap<>(Population.class);
		for (Population population : Population.values()) {
			int base = population.ordinal() * STATUSES;
			populations.put(population, new PopulationCounts(this.counts[base], this.counts[base + 1],
					this.counts[base + 2], this.counts[base + 3], this.counts[base + 4]));
		}
		Map<String, Long> schemeCounts = new HashMap<>();
		this.schemes.forEach((scheme, count) -> schemeCounts.put(scheme, count[0]));
		return new PatientAggregate(this.rows, populations, schemeCounts);
	}

}
