package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;

/**
 * The advance on the forfait paid during the exercice: {@code rate} × what the centre's socle
 * indicators would earn at 100 %, at least {@code minimumEur} (0: no minimum) but never more than
 * that socle amount.
 */
public record AdvanceTerms(BigDecimal rate, BigDecimal minimumEur) {
}
