package fr.cds.remuneration.output;

import java.math.BigDecimal;

/** The few fields of a centre's result that summaries and payment files need. */
public record ResultSummary(String finess, int exercice, String ruleSet, String centreType, String regionCode,
		boolean socleMet, BigDecimal totalEuros) {
}
