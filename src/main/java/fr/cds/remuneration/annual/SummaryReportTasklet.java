package fr.cds.remuneration.annual;

import java.util.Optional;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.output.LatestText;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.output.PeerBenchmarkView;
import fr.cds.remuneration.output.SummaryReport;
import fr.cds.remuneration.peer.PeerBenchmark;
import fr.cds.remuneration.snapshot.PeerFiguresReader;
import fr.cds.remuneration.output.SummaryReportWriter;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * Writes {@code summary.html}, the regional and national report with charts, compared with the
 * previous exercice when a completed annual run of it is in the same database.
 */
public class SummaryReportTasklet implements Tasklet {

	public static final String SUMMARY_REPORT = "summary.html";

	private final RunStore store;

	private final RegionTable regions;

	private final RuleSetCatalog catalog;

	private final SummaryReportWriter writer;

	private final PeerFiguresReader peers;

	public SummaryReportTasklet(RunStore store, RegionTable regions, RuleSetCatalog catalog, SummaryReportWriter writer,
			PeerFiguresReader peers) {
		this.peers = peers;
		this.store = store;
		this.regions = regions;
		this.catalog = catalog;
		this.writer = writer;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		AnnualRun run = context.run();
		var latest = this.catalog.rules(run).latestText();
		Optional<SummaryReport.PreviousExercice> previous = this.store
			.latestCompletedRun(AnnualPaymentJobConfiguration.JOB_NAME, run.exercice() - 1)
			.map(runId -> new SummaryReport.PreviousExercice(run.exercice() - 1, this.store.resultSummaries(runId)));
		SummaryReport report = SummaryReport.of(run.exercice(), run.ruleSet(), LatestText.of(latest).label(),
				this.store.resultSummaries(context.runId()), this.store.socleFailures(context.runId()), previous,
				this.regions);
		int held = this.store.heldCentres(context.runId()).size();
		if (held > 0) {
			report = report.withFigure(new SummaryReport.Figure("Centres en attente (non payés, voir centres-en-attente.csv)",
					FrenchFormat.integer(held)));
		}
		this.writer.write(run.exerciceOutputDir().resolve(SUMMARY_REPORT), report,
				PeerBenchmarkView.summary(PeerBenchmark.of(this.peers.figures(context.runId()))));
		return RepeatStatus.FINISHED;
	}

}
