package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import fr.cds.remuneration.engine.PaymentStream;

import fr.cds.remuneration.snapshot.RunStore.FileCounts;

/**
 * What operations read at the end of a run: which inputs, which rules, how many rows, how much.
 *
 * @param latestText the latest accord or avenant governing the exercice
 * @param totalEuros the statements' total, every payment stream together
 * @param totalsByStream the statements' total of each payment stream
 * @param alreadyRecordedEuros amounts the ledger held before the run (advances), deducted from the
 * balances
 * @param paymentLines lines of the payment file (centres and streams with a non-zero balance)
 * @param unsettledCentres centres with amounts in the ledger for the exercice but absent from the run
 * @param heldCentres centres held (en attente): not computed nor paid, with their reasons
 */
public record RunReport(int exercice, String ruleSet, String ruleSetSha256, LatestText latestText, long runId,
		long executionId,
		LocalDate extractionDate, String inputChecksum, LocalDateTime started, Duration duration,
		List<FileCounts> files, long centres, long centresPaid, long centresSocleFailed, BigDecimal totalEuros,
		Map<PaymentStream, BigDecimal> totalsByStream, BigDecimal alreadyRecordedEuros, long paymentLines, BigDecimal paymentsTotal, List<String> unsettledCentres,
		long rejectProblems, List<HeldCentre> heldCentres) {
}
