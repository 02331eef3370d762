package fr.cds.remuneration.desk;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The decision on a run's payment lines: who proposed them (launched the run), who decided, when,
 * why (a rejection), and the totals approved.
 *
 * @param lineCount the run's ledger lines (payments and recoveries)
 * @param totalEuros their sum, recoveries negative
 * @param transferCount transfers written to the bank file (positive lines with an account)
 * @param transferTotalEuros their sum: the bank file's control sum
 * @param bankFile the bank file written, {@code null} for a rejection or when nothing was to transfer
 */
public record RunApproval(long runId, int exercice, String jobName, String proposedBy, Decision decision,
		String decidedBy, LocalDateTime decidedAt, String reason, int lineCount, BigDecimal totalEuros,
		int transferCount, BigDecimal transferTotalEuros, String bankFile) {
}
