package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.cds.remuneration.rules.ExercicePayments.ContractAid;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.model.AidMaintenance;

/**
 * The national thresholds of a run: for each aid maintained only at or above a percentile of a
 * measure, that percentile of the measure over every centre of the run the aid applies to. It needs
 * every centre before any aid is computed, so the batch computes it once between the input steps and
 * the computation, records it in the run, and hands it to each centre's computation; an estimate for
 * one centre (simulate, calculette) has no distribution and says so.
 *
 * <p>Percentile by <b>nearest rank</b>: the N measures sorted ascending, the threshold is the value
 * of rank ⌈P/100 × N⌉ (1-based). It is always one of the centres' own values, so a centre exactly at
 * it, and every centre tied with it, is at or above it. Centres without a measure (no doctor FTE, no
 * médecin-traitant list) are not in the distribution.
 */
public record PeerThresholds(Map<String, Threshold> byAid) {

	/** No distribution: the estimate of one centre, or a rule set without such an aid. */
	public static final PeerThresholds NONE = new PeerThresholds(Map.of());

	/**
	 * One aid's threshold.
	 *
	 * @param centres the size of the distribution (centres with a measure)
	 * @param value the threshold, or {@code null} when no centre of the run has the measure
	 */
	public record Threshold(String aid, AidMaintenance rule, int centres, BigDecimal value) {
	}

	public PeerThresholds {
		byAid = Map.copyOf(byAid);
	}

	public Optional<Threshold> of(String aid) {
		return Optional.ofNullable(this.byAid.get(aid));
	}

	/** The thresholds of every aid of the exercice that has a maintenance rule, over {@code centres}. */
	public static PeerThresholds compute(ExerciceRules rules, Collection<CentreInputs> centres) {
		Map<String, Threshold> thresholds = new LinkedHashMap<>();
		for (ContractAid aid : rules.payments().contractAids()) {
			if (aid.maintenance().isEmpty()) {
				continue;
			}
			AidMaintenance rule = aid.maintenance().get().value();
			List<BigDecimal> values = new ArrayList<>();
			for (CentreInputs inputs : centres) {
				if (aid.rule().types().contains(inputs.centre().type())) {
					PeerMeasures.of(rule, inputs.centre(), inputs.patients()).ifPresent(values::add);
				}
			}
			thresholds.put(aid.rule().code(),
					new Threshold(aid.rule().code(), rule, values.size(), nearestRank(values, rule.percentile())));
		}
		return new PeerThresholds(thresholds);
	}

	/** The value of rank ⌈p/100 × n⌉ among the sorted values, or {@code null} when there is none. */
	static BigDecimal nearestRank(List<BigDecimal> values, BigDecimal percentile) {
		if (values.isEmpty()) {
			return null;
		}
		List<BigDecimal> sorted = values.stream().sorted().toList();
		int rank = percentile.multiply(BigDecimal.valueOf(sorted.size()))
			.divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING)
			.intValueExact();
		return sorted.get(Math.max(rank, 1) - 1);
	}

}
