package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.util.Set;

import fr.cds.remuneration.centre.Profession;

/**
 * A ceiling on a declared count of acts: at most {@code perWeek} acts per FTE of
 * {@code professions} per week the centre was open in the exercice (the SAS supplement: 20 per
 * doctor and per week).
 */
public record WeeklyCap(BigDecimal perWeek, Set<Profession> professions) {
}
