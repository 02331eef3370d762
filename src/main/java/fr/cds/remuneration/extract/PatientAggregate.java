package fr.cds.remuneration.extract;

import fr.cds.remuneration.centre.Population;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the computation needs from the patient extract for one centre: counts per
 * population and status, and the insurance-scheme mix. This is what is persisted and frozen
 * with a run; the patient rows never are.
 *
 * @param rows patient rows accepted for the centre
 * @param schemes accepted rows by insurance scheme code
 * @param medecinTraitant the médecin-traitant patients by kind, or {@code null} when not known
 * (counts typed in a simulation, a snapshot stored before the médecin-traitant forfait was computed)
 */
public record PatientAggregate(long rows, Map<Population, PopulationCounts> populations, Map<String, Long> schemes,
		MedecinTraitantProfile medecinTraitant) {

	public static final PatientAggregate EMPTY = new PatientAggregate(0, Map.of(), Map.of(),
			MedecinTraitantProfile.NONE);

	public PatientAggregate {
		EnumMap<Population, PopulationCounts> all = new EnumMap<>(Population.class);
		for (Population population : Population.values()) {
			all.put(population, populations.getOrDefault(population, PopulationCounts.NONE));
		}
		populations = Collections.unmodifiableMap(all);
		schemes = Collections.unmodifiableMap(new TreeMap<>(schemes));
	}

	/** Counts without the patients' kinds (typed counts): the médecin-traitant forfait cannot be computed. */
	public PatientAggregate(long rows, Map<Population, PopulationCounts> populations, Map<String, Long> schemes) {
		this(rows, populations, schemes, null);
	}

	public PopulationCounts of(Population population) {
		return this.populations.get(population);
	}

	/** Sum of two partial aggregates of the same centre (e.g. from two partitions of the extract). */
	public PatientAggregate plus(PatientAggregate other) {
		return combine(other, 1);
	}

	/** This aggregate without {@code removed}: the duplicate rows taken out of a centre's partitions. */
	public PatientAggregate minus(PatientAggregate removed) {
		return combine(removed, -1);
	}

	private PatientAggregate combine(PatientAggregate other, long sign) {
		EnumMap<Population, PopulationCounts> sum = new EnumMap<>(Population.class);
		for (Population population : Population.values()) {
			sum.put(population, of(population).plus(other.of(population), sign));
		}
		Map<String, Long> schemeSum = new TreeMap<>(this.schemes);
		other.schemes.forEach((scheme, count) -> schemeSum.merge(scheme, sign * count, Long::sum));
		schemeSum.values().removeIf(count -> count == 0);
		MedecinTraitantProfile profile = this.medecinTraitant == null || other.medecinTraitant == null ? null
				: this.medecinTraitant.plus(other.medecinTraitant, sign);
		return new PatientAggregate(this.rows + sign * other.rows, sum, schemeSum, profile);
	}

}
