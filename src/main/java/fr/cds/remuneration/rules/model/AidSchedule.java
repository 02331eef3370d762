package fr.cds.remuneration.rules.model;

import java.util.List;

/**
 * What a contract-based aid pays per year of the contract: euros per FTE of the contract (tiered
 * by FTE when the first FTE is paid more than the next ones) for year 1, 2, … of the contract, then
 * {@code later} for every further year ({@code null}: nothing after the listed years).
 *
 * @param years the tiers per FTE of each contract year, year 1 first
 */
public record AidSchedule(List<List<Tier>> years, List<Tier> later) {

	public AidSchedule {
		years = years.stream().map(List::copyOf).toList();
		later = later == null ? null : List.copyOf(later);
	}

	/** The tiers of contract year {@code year} (1 for the first), or {@code null} when it pays nothing. */
	public List<Tier> year(int year) {
		return year <= this.years.size() ? this.years.get(year - 1) : this.later;
	}

}
