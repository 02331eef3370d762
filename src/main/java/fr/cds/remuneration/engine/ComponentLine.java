package fr.cds.remuneration.engine;

import java.math.BigDecimal;

import fr.cds.remuneration.rules.model.ComponentKind;
import fr.cds.remuneration.rules.model.Provenance;

/**
 * One computed part of an indicator, with what it was computed from: the base (patients, FTE,
 * declared items or level) and its value, the formula in words, and the rule value's provenance.
 *
 * @param variable whether the part scales with the centre's size (patients or professionals)
 * @param upliftable whether the precarity uplift applies to it (patient-scaled parts)
 */
public record ComponentLine(ComponentKind kind, String label, String base, BigDecimal baseValue, String formula,
		Amount amount, boolean variable, boolean upliftable, Provenance provenance) {
}
