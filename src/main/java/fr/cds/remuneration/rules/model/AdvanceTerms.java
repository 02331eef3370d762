package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;

/**
 * The advance on the forfait of an exercice: {@code rate} × what the centre's socle indicators
 * would earn at 100 %, at least {@code minimumEur} (0: no minimum) but never more than that socle
 * amount, paid when {@code paid} says ({@code null} reads as {@link AdvanceTiming#DURING_EXERCICE},
 * the rule sets written before the timing was a field).
 */
public record AdvanceTerms(BigDecimal rate, BigDecimal minimumEur, AdvanceTiming paid) {

	public AdvanceTerms {
		paid = paid == null ? AdvanceTiming.DURING_EXERCICE : paid;
	}

}
