package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.util.Set;

import fr.cds.remuneration.centre.CentreType;

/**
 * A supplement paid per act, on the count the centre declares for the exercice (the SAS
 * supplement, the midwife's completed follow-ups as sage-femme référente), with an optional
 * ceiling on the count. Its code is the one centres declare in declarations.csv.
 *
 * @param eligibility condition on the centre for the supplement to apply, or {@code null}
 * @param euros euros per act
 * @param cap ceiling on the count, dated; empty when the count is not capped
 */
public record ActSupplementRule(String code, String label, Set<CentreType> types, ExercicePeriod validity,
		String textId, Resolved<Condition> eligibility, Timeline<BigDecimal> euros, Timeline<WeeklyCap> cap)
		implements PaymentRule {
}
