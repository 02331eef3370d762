package fr.cds.remuneration.reprocess;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.annual.CheckRulesTasklet;
import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.annual.RunContext;
import fr.cds.remuneration.annual.RunOutputsTasklet;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.ledger.Settlement;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.output.PaymentLine;
import fr.cds.remuneration.output.PaymentsFileWriter;
import fr.cds.remuneration.output.RegularisationReport;
import fr.cds.remuneration.output.RegularisationReportWriter;
import fr.cds.remuneration.output.RegularisationSummaryWriter;
import fr.cds.remuneration.snapshot.ResultSummary;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * Last step of a re-processing: the regularisation payment file (written from the ledger entries
 * the run recorded), the summary by region, the rejects of corrected inputs and the run report.
 * Checks first that the payment file says exactly what the settlements say: one line per centre
 * whose amount changed, for the same amount.
 */
public class RegularisationOutputsTasklet implements Tasklet {

	public static final String PAYMENTS = "payments.csv";

	public static final String REGIONAL_SUMMARY = "regional-summary.csv";

	public static final String REJECTS = "rejects.csv";

	public static final String RUN_REPORT = "run-report.txt";

	private final RunStore store;

	private final ReprocessStore reprocessStore;

	private final SettlementStore settlements;

	private final PaymentLedger ledger;

	private final RegionTable regions;

	private final RuleSetCatalog catalog;

	public RegularisationOutputsTasklet(RunStore store, ReprocessStore reprocessStore, SettlementStore settlements,
			PaymentLedger ledger, RegionTable regions, RuleSetCatalog catalog) {
		this.store = store;
		this.reprocessStore = reprocessStore;
		this.settlements = settlements;
		this.ledger = ledger;
		this.regions = regions;
		this.catalog = catalog;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		long runId = context.runId();
		ReprocessRun run = ReprocessRun.from(contribution.getStepExecution().getJobParameters());
		Path directory = context.outputDirectory();
		List<ResultSummary> results = this.store.resultSummaries(runId);
		List<Settlement> settled = this.settlements.ofRun(runId);
		Map<String, Map<PaymentStream, BigDecimal>> byCentre = new HashMap<>();
		settled.forEach(s -> byCentre.computeIfAbsent(s.finess(), f -> new EnumMap<>(PaymentStream.class))
			.put(s.stream(), s.amountEuros()));
		List<PaymentLine> payments = PaymentLine.of(this.ledger.entriesOfRun(runId),
				this.catalog.rules(context.run()).latestText().id());
		List<Settlement> regularised = settled.stream().filter(Settlement::isPayment).toList();
		BigDecimal paymentsTotal = sum(payments.stream().map(PaymentLine::amountEuros).toList());
		boolean everyCentreSettled = results.stream()
			.allMatch(r -> byCentre.getOrDefault(r.finess(), Map.of()).keySet().containsAll(r.totalsByStream().keySet()));
		if (!everyCentreSettled || byCentre.size() != results.size() || regularised.size() != payments.size()
				|| paymentsTotal.compareTo(sum(regularised.stream().map(Settlement::amountEuros).toList())) != 0) {
			throw new IllegalStateException("les régularisations ne concordent pas : " + results.size() + " centres recalculés, "
					+ byCentre.size() + " soldés, " + regularised.size() + " régularisations, fichier de paiement de "
					+ paymentsTotal + " en " + payments.size() + " lignes");
		}
		PaymentsFileWriter.write(directory.resolve(PAYMENTS), payments);
		RegularisationSummaryWriter.write(directory.resolve(REGIONAL_SUMMARY), results.stream()
			.map(r -> new RegularisationSummaryWriter.Centre(r.regionCode(), r.centreType(), byCentre.get(r.finess())))
			.toList(), this.regions);
		if (run.hasCorrectedInputs()) {
			RunOutputsTasklet.writeRejects(this.store, runId, directory);
		}
		List<BigDecimal> supplements = regularised.stream().map(Settlement::amountEuros).filter(a -> a.signum() > 0).toList();
		List<BigDecimal> recoveries = regularised.stream().map(Settlement::amountEuros).filter(a -> a.signum() < 0).toList();
		JobExecution job = contribution.getStepExecution().getJobExecution();
		LocalDateTime started = job.getStartTime();
		RegularisationReportWriter.write(directory.resolve(RUN_REPORT), new RegularisationReport(run.exercice(), runId,
				job.getId(), run.baseRunId(), run.ruleSet(), job.getExecutionContext().getString(CheckRulesTasklet.RULES_SHA256, ""),
				this.reprocessStore.previousRuleSets(runId), run.centres(),
				run.hasCorrectedInputs() ? this.store.fileCounts(runId) : List.of(), started,
				started == null ? Duration.ZERO : Duration.between(started, LocalDateTime.now()), results.size(),
				supplements.size(), sum(supplements), recoveries.size(), sum(recoveries), payments.size(), paymentsTotal));
		return RepeatStatus.FINISHED;
	}

	private static BigDecimal sum(List<BigDecimal> amounts) {
		return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
