package fr.cds.remuneration.extract;

import fr.cds.remuneration.centre.Population;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Mutable per-centre counters filled while the extract streams by. One instance per centre, so
 * memory grows with the number of centres, never with the number of patient rows.
 */
final class CentreAccumulator {

	private static final int STATUSES = 5;

	private static final int[] STATUS_BITS = { RowContribution.C2S, RowContribution.AME, RowContribution.ALD,
			RowContribution.HANDICAP };

	private static final Population[] POPULATIONS = Population.values();

	private final long[] counts = new long[POPULATIONS.length * STATUSES];

	/** Rows by scheme number (see the folder's scheme dictionary). */
	private long[] schemes = new long[4];

	private long rows;

	/** Médecin-traitant patients by kind ({@link MedecinTraitantProfile#kind}); made at the first one. */
	private int[] medecinTraitant;

	/** Adds one row: its populations and statuses ({@link RowContribution}) and its scheme's number. */
	void add(int contribution, int scheme) {
		this.rows++;
		if (scheme >= this.schemes.length) {
			this.schemes = Arrays.copyOf(this.schemes, Math.max(scheme + 1, this.schemes.length * 2));
		}
		this.schemes[scheme]++;
		if (RowContribution.in(contribution, Population.MEDECIN_TRAITANT)) {
			if (this.medecinTraitant == null) {
				this.medecinTraitant = new int[MedecinTraitantProfile.KINDS];
			}
			this.medecinTraitant[MedecinTraitantProfile.kind(RowContribution.age(contribution),
					(contribution & RowContribution.ALD) != 0, (contribution & RowContribution.C2S) != 0,
					(contribution & RowContribution.NOT_SEEN) != 0)]++;
		}
		for (Population population : POPULATIONS) {
			if (RowContribution.in(contribution, population)) {
				int base = population.ordinal() * STATUSES;
				this.counts[base]++;
				for (int status = 0; status < STATUS_BITS.length; status++) {
					if ((contribution & STATUS_BITS[status]) != 0) {
						this.counts[base + 1 + status]++;
					}
				}
			}
		}
	}

	long rows() {
		return this.rows;
	}

	/** @param schemeNames the scheme codes, by number */
	PatientAggregate toAggregate(List<String> schemeNames) {
		Map<Population, PopulationCounts> populations = new EnumMap<>(Population.class);
		for (Population population : POPULATIONS) {
			int base = population.ordinal() * STATUSES;
			populations.put(population, new PopulationCounts(this.counts[base], this.counts[base + 1],
					this.counts[base + 2], this.counts[base + 3], this.counts[base + 4]));
		}
		Map<String, Long> schemeCounts = new HashMap<>();
		for (int scheme = 0; scheme < this.schemes.length; scheme++) {
			if (this.schemes[scheme] > 0) {
				schemeCounts.put(schemeNames.get(scheme), this.schemes[scheme]);
			}
		}
		Map<Integer, Long> kinds = new HashMap<>();
		if (this.medecinTraitant != null) {
			for (int kind = 0; kind < this.medecinTraitant.length; kind++) {
				if (this.medecinTraitant[kind] > 0) {
					kinds.put(kind, (long) this.medecinTraitant[kind]);
				}
			}
		}
		return new PatientAggregate(this.rows, populations, schemeCounts, new MedecinTraitantProfile(kinds));
	}

}
