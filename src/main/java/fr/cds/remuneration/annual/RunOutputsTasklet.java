package fr.cds.remuneration.annual;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.ledger.PaymentKind;
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
 * results so that they add up to the statements to the cent (checked here). Every file is written
 * whole under a temporary name and renamed: a restart after a crash at any point writes them all
 * again, identical.
 */
public class RunOutputsTasklet implements Tasklet {

	public static final String REGIONAL_SUMMARY = "regional-summary.csv";

	public static final String PAYMENTS = "payments.csv";

	public static final String REJECTS = "rejects.csv";

	public static final String RUN_REPORT = "run-report.txt";

	private final RunStore store;

	private final RegionTable regions;

	private final RuleSetCatalog catalog;

	public RunOutputsTasklet(RunStore store, RegionTable regions, RuleSetCatalog catalog) {
		this.store = store;
		this.regions = regions;
		this.catalog = catalog;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		long runId = context.runId();
		Path directory = context.run().exerciceOutputDir();
		List<ResultSummary> results = this.store.resultSummaries(runId);
		LatestText latestText = LatestText.of(this.catalog.rules(context.run()).latestText());
		RegionalSummaryWriter.write(directory.resolve(REGIONAL_SUMMARY), results, this.regions, latestText);
		List<PaymentLine> payments = results.stream()
			.filter(r -> r.totalEuros().signum() != 0)
			.map(r -> new PaymentLine(r.finess(), r.exercice(), PaymentKind.SOLDE, r.totalEuros(), r.ruleSet(),
					latestText.id(), PaymentLine.reference(r.exercice(), r.finess(), PaymentKind.SOLDE, runId)))
			.toList();
		BigDecimal statementsTotal = sum(results.stream().map(ResultSummary::totalEuros).toList());
		BigDecimal paymentsTotal = sum(payments.stream().map(PaymentLine::amountEuros).toList());
		if (statementsTotal.compareTo(paymentsTotal) != 0) {
			throw new IllegalStateException("payments (" + paymentsTotal + ") do not add up to the statements ("
					+ statementsTotal + ")");
		}
		PaymentsFileWriter.write(directory.resolve(PAYMENTS), payments);
		writeRejects(this.store, runId, directory);

		JobExecution job = contribution.getStepExecution().getJobExecution();
		LocalDateTime started = job.getStartTime();
		RunReportWriter.write(directory.resolve(RUN_REPORT), new RunReport(context.run().exercice(),
				context.run().ruleSet(), job.getExecutionContext().getString(CheckRulesTasklet.RULES_SHA256, ""),
				latestText, runId,
				job.getId(), context.run().extractionDate(), context.run().inputChecksum(), started,
				started == null ? Duration.ZERO : Duration.between(started, LocalDateTime.now()),
				this.store.fileCounts(runId), results.size(), results.stream().filter(r -> r.totalEuros().signum() > 0).count(),
				results.stream().filter(r -> !r.socleMet()).count(), statementsTotal, payments.size(), paymentsTotal,
				this.store.rejectProblems(runId)));
		return RepeatStatus.FINISHED;
	}

	/** Writes rejects.csv; also called when the inputs are refused, so the operator sees why. */
	static void writeRejects(RunStore store, long runId, Path directory) {
		try (Stream<Reject> rejects = store.rejects(runId)) {
			RejectsFileWriter.write(directory.resolve(REJECTS), rejects);
		}
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
