package fr.cds.remuneration.annual;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.ledger.Settlement;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.output.LatestText;
import fr.cds.remuneration.output.PaymentLine;
import fr.cds.remuneration.output.PaymentsFileWriter;
import fr.cds.remuneration.output.RegionalSummaryWriter;
import fr.cds.remuneration.output.RejectsFileWriter;
import fr.cds.remuneration.output.ResultSummary;
import fr.cds.remuneration.output.RunReport;
import fr.cds.remuneration.output.RunReportWriter;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * The regional summary, the payment file, the rejects and the run report, all from the stored
 * results and balances so that they add up to the statements to the cent (checked here): the
 * payment file holds the balances the run recorded in the ledger, and balances plus amounts
 * already recorded (advances) equal the statements' total. Every file is written whole under a
 * temporary name and renamed: a restart after a crash writes them all again, identical.
 */
public class RunOutputsTasklet implements Tasklet {

	public static final String REGIONAL_SUMMARY = "regional-summary.csv";

	public static final String PAYMENTS = "payments.csv";

	public static final String REJECTS = "rejects.csv";

	public static final String RUN_REPORT = "run-report.txt";

	private static final Log logger = LogFactory.getLog(RunOutputsTasklet.class);

	private final RunStore store;

	private final RegionTable regions;

	private final RuleSetCatalog catalog;

	private final SettlementStore settlements;

	private final PaymentLedger ledger;

	public RunOutputsTasklet(RunStore store, RegionTable regions, RuleSetCatalog catalog, SettlementStore settlements,
			PaymentLedger ledger) {
		this.store = store;
		this.regions = regions;
		this.catalog = catalog;
		this.settlements = settlements;
		this.ledger = ledger;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		long runId = context.runId();
		Path directory = context.outputDirectory();
		List<ResultSummary> results = this.store.resultSummaries(runId);
		LatestText latestText = LatestText.of(this.catalog.rules(context.run()).latestText());
		RegionalSummaryWriter.write(directory.resolve(REGIONAL_SUMMARY), results, this.regions, latestText);
		List<Settlement> balances = this.settlements.ofRun(runId);
		List<PaymentLine> payments = PaymentLine.of(this.ledger.entriesOfRun(runId), latestText.id());
		BigDecimal statementsTotal = sum(results.stream().map(ResultSummary::totalEuros).toList());
		BigDecimal alreadyRecorded = sum(balances.stream().map(Settlement::beforeEuros).toList());
		BigDecimal paymentsTotal = sum(payments.stream().map(PaymentLine::amountEuros).toList());
		checkAddsUp(results, balances, payments, statementsTotal, alreadyRecorded, paymentsTotal);
		PaymentsFileWriter.write(directory.resolve(PAYMENTS), payments);
		writeRejects(this.store, runId, directory);

		List<String> unsettled = unsettledCentres(context.run().exercice(), results);
		if (!unsettled.isEmpty()) {
			logger.warn("Exercice " + context.run().exercice() + ": the ledger holds amounts for centres absent from"
					+ " this run, left unsettled: " + unsettled);
		}
		JobExecution job = contribution.getStepExecution().getJobExecution();
		LocalDateTime started = job.getStartTime();
		RunReportWriter.write(directory.resolve(RUN_REPORT), new RunReport(context.run().exercice(),
				context.run().ruleSet(), job.getExecutionContext().getString(CheckRulesTasklet.RULES_SHA256, ""),
				latestText, runId,
				job.getId(), context.run().extractionDate(), context.run().inputChecksum(), started,
				started == null ? Duration.ZERO : Duration.between(started, LocalDateTime.now()),
				this.store.fileCounts(runId), results.size(), results.stream().filter(r -> r.totalEuros().signum() > 0).count(),
				results.stream().filter(r -> !r.socleMet()).count(), statementsTotal, alreadyRecorded, payments.size(),
				paymentsTotal, unsettled, this.store.rejectProblems(runId)));
		return RepeatStatus.FINISHED;
	}

	/**
	 * Statements total = amounts already recorded + balances, the balances of the payment file are
	 * those of the statements, and each centre has exactly one balance.
	 */
	private static void checkAddsUp(List<ResultSummary> results, List<Settlement> balances, List<PaymentLine> payments,
			BigDecimal statementsTotal, BigDecimal alreadyRecorded, BigDecimal paymentsTotal) {
		BigDecimal balancesTotal = sum(balances.stream().map(Settlement::amountEuros).toList());
		long balanceLines = balances.stream().filter(Settlement::isPayment).count();
		if (balances.size() != results.size() || balanceLines != payments.size()
				|| paymentsTotal.compareTo(balancesTotal) != 0
				|| statementsTotal.compareTo(alreadyRecorded.add(paymentsTotal)) != 0) {
			throw new IllegalStateException("payments do not add up: statements " + statementsTotal + " for "
					+ results.size() + " centres, already recorded " + alreadyRecorded + ", balances " + balancesTotal
					+ " for " + balances.size() + " centres, payment file " + paymentsTotal + " in " + payments.size()
					+ " lines");
		}
	}

	private List<String> unsettledCentres(int exercice, List<ResultSummary> results) {
		Set<String> computed = new TreeSet<>(results.stream().map(ResultSummary::finess).toList());
		return this.ledger.entries(exercice, Optional.empty())
			.stream()
			.map(LedgerEntry::finess)
			.filter(finess -> !computed.contains(finess))
			.distinct()
			.toList();
	}

	/** Writes rejects.csv; also called when the inputs are refused, so the operator sees why. */
	public static void writeRejects(RunStore store, long runId, Path directory) {
		try (Stream<Reject> rejects = store.rejects(runId)) {
			RejectsFileWriter.write(directory.resolve(REJECTS), rejects);
		}
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
