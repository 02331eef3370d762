package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.List;

import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * One statement line: an indicator for a centre, met or not, its fixed, variable and uplift
 * amounts, and its euros (rounded once, here).
 *
 * @param declared the raw declared answer, or {@code null} when none was declared
 * @param verdictNote why the verdict, in French (neutralisation reason, missing answer…)
 * @param paid whether the line is paid (met, eligible, and the socle gate passed)
 * @param euros euros paid for the line, rounded; zero when not paid
 * @param potentialEuros euros the line would earn if met at its minimum (what-if), rounded
 * @param status the least sure status among the values used for the line
 * @param arithmetic how {@code potentialEuros} is computed, in French, written by the code that
 * computes it ({@link LineArithmetic}); {@code null} in results stored before it was recorded
 */
public record IndicatorLine(String code, String label, String axis, String block, boolean socle, String declared,
		Verdict verdict, String verdictNote, List<ComponentLine> components, Amount fixed, Amount variable,
		Amount uplift, Amount total, boolean paid, BigDecimal euros, BigDecimal potentialEuros, ValueStatus status,
		List<Provenance> provenances, String arithmetic) {
}
