package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import fr.cds.remuneration.snapshot.RunStore.FileCounts;

/**
 * What operations read at the end of a run: which inputs, which rules, how many rows, how much.
 *
 * @param latestText the latest accord or avenant governing the exercice
 * @param paymentLines lines of the payment file (centres with a non-zero amount)
 */
public record RunReport(int exercice, String ruleSet, String ruleSetSha256, LatestText latestText, long runId,
		long executionId,
		LocalDate extractionDate, String inputChecksum, LocalDateTime started, Duration duration,
		List<FileCounts> files, long centres, long centresPaid, long centresSocleFailed, BigDecimal totalEuros,
		long paymentLines, BigDecimal paymentsTotal, long rejectProblems) {
}
