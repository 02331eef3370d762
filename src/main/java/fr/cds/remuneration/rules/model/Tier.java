package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One bracket of a tiered rate: {@code rate} per unit of base for the part of the base up to
 * {@code upTo} (exclusive of earlier brackets); {@code upTo == null} for the open last bracket.
 */
public record Tier(BigDecimal upTo, BigDecimal rate) {

	static boolean allZero(List<Tier> tiers) {
		return tiers.stream().allMatch(t -> t.rate().signum() == 0);
	}

}
