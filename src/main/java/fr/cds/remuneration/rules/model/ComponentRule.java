package fr.cds.remuneration.rules.model;

import java.util.Set;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;

/**
 * One part of an indicator's pay (e.g. the fixed part, the variable part).
 *
 * @param label short French label of the part, or {@code null}
 * @param validity exercices the part exists (its values may change inside it)
 * @param types centre types the part applies to (a subset of the indicator's)
 * @param condition eligibility condition, or {@code null}
 * @param base patients counted by a {@code per_patient} part ({@code null} for other kinds)
 * @param professions FTE counted by a {@code per_professional} part; empty means the rule set's
 * health professions
 */
public record ComponentRule(ComponentKind kind, String label, ExercicePeriod validity, String textId,
		Set<CentreType> types, Resolved<Condition> condition, PatientBase base, Set<Profession> professions,
		Timeline<ComponentValue> values) {
}
