package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import fr.cds.remuneration.snapshot.RunStore.FileCounts;

/**
 * What operations read at the end of a re-processing: from which annual run, under which rules,
 * for which centres, with which corrected inputs, and how much it pays and recovers.
 *
 * @param centres the centres named by the operator, empty for every centre
 * @param correctedFiles the corrected input files of a dispute (empty without)
 * @param previousRuleSets the rule sets of the previous results, as they were before
 */
public record RegularisationReport(int exercice, long runId, long executionId, long baseRunId, String ruleSet,
		String ruleSetSha256, List<String> previousRuleSets, List<String> centres, List<FileCounts> correctedFiles,
		LocalDateTime started, Duration duration, long centresRecomputed, long supplements,
		BigDecimal supplementsEuros, long recoveries, BigDecimal recoveriesEuros, long paymentLines,
		BigDecimal paymentsEuros) {
}
