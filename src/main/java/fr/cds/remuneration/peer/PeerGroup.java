package fr.cds.remuneration.peer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * The centres of one type, in one region or in the whole country, that have a figure for one
 * measure, with the quartiles that may be published about them.
 *
 * <p>What is published never reveals one centre's figure:
 * <ul>
 * <li>nothing is published about a group of fewer than {@link #MIN_CENTRES} centres (the statements
 * of a region with fewer centres of the type compare with the national group);</li>
 * <li>a quartile that, at the published precision, equals the figure of exactly one centre of the
 * group is not published (with type 7 this happens when (n − 1)·p is a whole number and the centre
 * at that rank has a figure of its own: the median of an odd group, every quartile of a group of 5,
 * 9, 13…). Shared by two centres or more, the figure belongs to no one in particular and is published;</li>
 * <li>the minimum and the maximum are never published.</li>
 * </ul>
 *
 * @param regionCode the region's INSEE code, or {@code null} for the national group
 * @param centres the centres with a figure (those the quartiles are computed on)
 * @param excluded the centres of the same type and place without a figure for the measure
 * @param quartiles Q1, median, Q3 as published, empty when the group is too small
 */
public record PeerGroup(Measure measure, String type, String typeLabel, String regionCode, String regionName,
		int centres, int excluded, Optional<List<Statistic>> quartiles) {

	/** Fewest centres a published figure may be computed on. */
	public static final int MIN_CENTRES = 5;

	/**
	 * One published quartile: its value rounded to the measure's precision, or empty when it would
	 * be one centre's figure.
	 */
	public record Statistic(Optional<BigDecimal> value) {

		public boolean withheld() {
			return this.value.isEmpty();
		}

	}

	static PeerGroup of(Measure measure, String type, String typeLabel, String regionCode, String regionName,
			List<BigDecimal> sortedValues, int excluded) {
		if (sortedValues.size() < MIN_CENTRES) {
			return new PeerGroup(measure, type, typeLabel, regionCode, regionName, sortedValues.size(), excluded,
					Optional.empty());
		}
		Quartiles exact = Quartiles.of(sortedValues);
		List<BigDecimal> published = sortedValues.stream().map(v -> round(measure, v)).toList();
		List<Statistic> quartiles = List.of(statistic(measure, exact.q1(), published),
				statistic(measure, exact.median(), published), statistic(measure, exact.q3(), published));
		return new PeerGroup(measure, type, typeLabel, regionCode, regionName, sortedValues.size(), excluded,
				Optional.of(quartiles));
	}

	public boolean national() {
		return this.regionCode == null;
	}

	public boolean publishable() {
		return this.quartiles.isPresent();
	}

	private static Statistic statistic(Measure measure, BigDecimal exact, List<BigDecimal> publishedValues) {
		BigDecimal rounded = round(measure, exact);
		long same = publishedValues.stream().filter(v -> v.compareTo(rounded) == 0).count();
		return new Statistic(same == 1 ? Optional.empty() : Optional.of(rounded));
	}

	static BigDecimal round(Measure measure, BigDecimal value) {
		return value.setScale(measure.scale(), RoundingMode.HALF_UP);
	}

}
