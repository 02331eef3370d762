package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;

/**
 * The precarity uplift of the médecin-traitant forfait (the libéral FPMT's rule: « majoré en fonction
 * de la part des patients CMU-C dans la patientèle médecin traitant (max 25 %) si cette part est
 * supérieure à 7 % »): rate = min(cap, (C2S share − threshold) × factor) when the share is above the
 * threshold, applied to the forfait's category lines.
 *
 * @param threshold share of C2S patients among the médecin-traitant patients above which it applies
 * @param factor uplift per point of share above the threshold (0.5: 15 % → (15 − 7) / 2 = 4 %)
 * @param cap highest rate
 */
public record MtPrecarityUplift(BigDecimal threshold, BigDecimal factor, BigDecimal cap) {
}
