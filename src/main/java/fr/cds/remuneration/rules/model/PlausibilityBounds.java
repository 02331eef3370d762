package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The plausibility bounds of a rule set ({@code parameters.plausibility}): a declared value beyond
 * one is not paid on, its centre is held (en attente) until the value is checked. Each bound is a
 * timeline of dated values with status and source, like any parameter; a rule set without the
 * section has no bounds.
 *
 * @param actsPerFteDay acts declared for a per-act supplement, per health-professional FTE and per
 * day of the exercice
 * @param declaredCount count declared for an indicator answered by a count (protocols, trainings)
 * @param ftePerProfession FTE declared for one profession
 * @param earliestAdhesion earliest date a centre can have joined the national accord
 * @param extractionLagDays days after the end of the exercice before which the patient extract cannot
 * cover the whole exercice (0: from the day after its last day)
 */
public record PlausibilityBounds(Timeline<BigDecimal> actsPerFteDay, Timeline<Integer> declaredCount,
		Timeline<BigDecimal> ftePerProfession,
		Timeline<LocalDate> earliestAdhesion, Timeline<Integer> extractionLagDays) {

	public static PlausibilityBounds none() {
		return new PlausibilityBounds(new Timeline<>(List.of()), new Timeline<>(List.of()), new Timeline<>(List.of()),
				new Timeline<>(List.of()), new Timeline<>(List.of()));
	}

}
