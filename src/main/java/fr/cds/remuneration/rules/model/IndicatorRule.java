package fr.cds.remuneration.rules.model;

import java.util.List;
import java.util.Set;

import fr.cds.remuneration.centre.CentreType;

/**
 * A commitment (indicator) of the accord, as data: who it applies to, when, whether it is socle,
 * how it is answered and what it pays.
 *
 * @param maxLevel highest level for a {@link AnswerType#LEVEL} answer, else {@code null}
 * @param minimum smallest declared value that counts as met (level or count), dated; empty means 1
 * @param gateOnly a socle indicator that pays nothing itself (e.g. prevention, 2025 accord)
 * @param eligibility condition for the indicator to apply at all, or {@code null}
 * @param continues codes of the indicators of the previous accord that this one continues (the
 * same commitment under another name or answer), or {@code null}: an indicator with an unchanged
 * code continues itself
 * @param socleGroup name of a group of socle indicators that together make one prerequisite, met
 * when at least one of them is met (the règlement arbitral's « au moins 1 des critères » of the
 * team and information-system axes), or {@code null}: the indicator is a prerequisite on its own
 */
public record IndicatorRule(String code, String label, String axis, String block, AnswerType answer,
		Integer maxLevel, ExercicePeriod validity, String textId, Set<CentreType> types, Timeline<Boolean> socle,
		Timeline<Integer> minimum, boolean gateOnly, Resolved<Condition> eligibility,
		List<ComponentRule> components, Resolved<List<String>> continues, String socleGroup) {
}
