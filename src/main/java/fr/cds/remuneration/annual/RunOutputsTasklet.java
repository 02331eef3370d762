package fr.cds.remuneration.annual;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
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

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.ledger.Settlement;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.output.CentreTotals;
import fr.cds.remuneration.output.LatestText;
import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.output.HeldCentre;
import fr.cds.remuneration.output.HeldCentresWriter;
import fr.cds.remuneration.output.PaymentLine;
import fr.cds.remuneration.output.PaymentsFileWriter;
import fr.cds.remuneration.output.RegionalSummaryWriter;
import fr.cds.remuneration.output.RejectsFileWriter;
import fr.cds.remuneration.snapshot.ResultSummary;
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
		BigDecimal statementsTotal = sum(results.stream().map(ResultSummary::grandTotalEuros).toList());
		BigDecimal alreadyRecorded = sum(balances.stream().map(Settlement::beforeEuros).toList());
		BigDecimal paymentsTotal = sum(payments.stream().map(PaymentLine::amountEuros).toList());
		Map<PaymentStream, BigDecimal> byStream = CentreTotals.of(results).byStream();
		for (PaymentStream stream : PaymentStream.values()) {
			checkAddsUp(stream, results, balances, payments);
		}
		PaymentsFileWriter.write(directory.resolve(PAYMENTS), payments);
		writeRejects(this.store, runId, directory);
		List<HeldCentre> held = heldCentres(runId);
		HeldCentresWriter.writeList(directory.resolve(HeldCentresWriter.HELD_CENTRES), held);
		held.forEach(centre -> HeldCentresWriter.writeStatement(directory.resolve("statements"), centre,
				context.run().exercice()));

		Set<String> heldFiness = new TreeSet<>(held.stream().map(HeldCentre::finess).toList());
		List<String> unsettled = unsettledCentres(context.run().exercice(), results).stream()
			.filter(finess -> !heldFiness.contains(finess))
			.toList();
		if (!unsettled.isEmpty()) {
			logger.warn("Exercice " + context.run().exercice() + " : le registre des paiements contient des montants pour des centres absents de"
					+ " ce run, laissés sans solde : " + unsettled);
		}
		JobExecution job = contribution.getStepExecution().getJobExecution();
		LocalDateTime started = job.getStartTime();
		RunReportWriter.write(directory.resolve(RUN_REPORT), new RunReport(context.run().exercice(),
				context.run().ruleSet(), job.getExecutionContext().getString(CheckRulesTasklet.RULES_SHA256, ""),
				latestText, runId,
				job.getId(), context.run().extractionDate(), context.run().inputChecksum(), started,
				started == null ? Duration.ZERO : Duration.between(started, LocalDateTime.now()),
				this.store.fileCounts(runId), results.size(), results.stream().filter(r -> r.totalEuros().signum() > 0).count(),
				results.stream().filter(r -> !r.socleMet()).count(), statementsTotal, byStream, alreadyRecorded,
				payments.size(),
				paymentsTotal, unsettled, this.store.rejectProblems(runId), held));
		return RepeatStatus.FINISHED;
	}

	/** The run's held centres, with what operations and the centre need to know. */
	private List<HeldCentre> heldCentres(long runId) {
		Map<String, List<String>> reasons = this.store.heldCentres(runId);
		if (reasons.isEmpty()) {
			return List.of();
		}
		Map<String, Centre> centres = this.store.centres(runId);
		return reasons.entrySet().stream().map(e -> {
			Centre centre = centres.get(e.getKey());
			return new HeldCentre(e.getKey(), centre.name(), centre.type().label(), centre.region().name(), e.getValue());
		}).toList();
	}

	/**
	 * For one payment stream: statements total = amounts already recorded + balances, the balances of
	 * the payment file are those of the statements, and each centre the stream applies to has a
	 * balance.
	 */
	private static void checkAddsUp(PaymentStream stream, List<ResultSummary> results, List<Settlement> allBalances,
			List<PaymentLine> allPayments) {
		List<Settlement> balances = allBalances.stream().filter(s -> s.stream() == stream).toList();
		List<PaymentLine> payments = allPayments.stream().filter(p -> p.stream() == stream).toList();
		long centres = results.stream().filter(r -> r.totalsByStream().containsKey(stream)).count();
		BigDecimal statementsTotal = sum(results.stream().map(r -> r.total(stream)).toList());
		BigDecimal settledTotal = sum(balances.stream().map(Settlement::totalEuros).toList());
		BigDecimal alreadyRecorded = sum(balances.stream().map(Settlement::beforeEuros).toList());
		BigDecimal balancesTotal = sum(balances.stream().map(Settlement::amountEuros).toList());
		BigDecimal paymentsTotal = sum(payments.stream().map(PaymentLine::amountEuros).toList());
		long balanceLines = balances.stream().filter(Settlement::isPayment).count();
		if (balances.size() < centres || balanceLines != payments.size() || paymentsTotal.compareTo(balancesTotal) != 0
				|| statementsTotal.compareTo(settledTotal) != 0
				|| statementsTotal.compareTo(alreadyRecorded.add(paymentsTotal)) != 0) {
			throw new IllegalStateException("les paiements " + stream + " ne concordent pas : relevés " + statementsTotal + " pour "
					+ centres + " centres, déjà enregistré " + alreadyRecorded + ", soldes " + balancesTotal + " pour "
					+ balances.size() + " centres, fichier de paiement " + paymentsTotal + " en " + payments.size() + " lignes");
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
