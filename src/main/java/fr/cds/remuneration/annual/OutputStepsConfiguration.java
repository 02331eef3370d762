package fr.cds.remuneration.annual;

import fr.cds.remuneration.snapshot.PeerFiguresReader;
import fr.cds.remuneration.peer.PeerBenchmark;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.output.StatementPdfRenderer;
import fr.cds.remuneration.output.SummaryReportWriter;
import fr.cds.remuneration.rules.PaymentCalendar;
import fr.cds.remuneration.rules.PaymentSchedule;
import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.snapshot.RunCursors;
import fr.cds.remuneration.snapshot.ResultStore;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.StoredResultEncoding;

/**
 * The output phase: statements rendered chunk by chunk; summaries, payments, rejects and the run
 * report; the summary report; and the manifest of every output, which closes the run.
 */
@Configuration(proxyBeanMethods = false)
public class OutputStepsConfiguration {

	// -------------------------------------------------------------------------- outputs

	/**
	 * Statements rendered and their files written on every core (a thread that waits for the disk
	 * lets the other render), ahead of the step's own thread, which reads the results in order and
	 * commits each chunk meanwhile ({@link ProcessAheadReader}): with the step's task executor the
	 * cores waited while it read the next chunk's results and committed (issue 21).
	 */
	@Bean
	Step statementsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ProcessAheadReader<StoredResultEncoding.Stored, RenderedStatement> statementsReader,
			StatementRenderProcessor statementRenderProcessor) {
		return new StepBuilder("statements", jobRepository).<RenderedStatement, RenderedStatement>chunk(STATEMENTS_CHUNK)
			.transactionManager(transactionManager)
			.reader(statementsReader)
			.writer(StatementFilesWriter.ALREADY_WRITTEN)
			// the processor is called by the reader: its summary line at the end of the step is registered here
			.listener((StepExecutionListener) statementRenderProcessor)
			.build();
	}

	/** Statements per chunk, and how many are rendered ahead of the step's thread at most. */
	private static final int STATEMENTS_CHUNK = 100;

	/**
	 * The stored results in FINESS order, each rendered and its files written on the
	 * chunk-processing threads; a restart skips the statements of the committed chunks and renders
	 * the others again (the same bytes: a statement is written whole under a temporary name, then
	 * renamed).
	 */
	@Bean
	@StepScope
	ProcessAheadReader<StoredResultEncoding.Stored, RenderedStatement> statementsReader(
			@Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource,
			StatementRenderProcessor statementRenderProcessor, StatementFilesWriter statementFilesWriter,
			AsyncTaskExecutor chunkProcessingExecutor) {
		// read in order on the step's thread, decoded on the rendering threads
		JdbcCursorItemReader<StoredResultEncoding.Stored> results = RunCursors.of("resultReader",
				ResultStore.STORED_RESULTS_OF_RUN, (rs, i) -> StoredResultEncoding.stored(rs, 1),
				RunContext.of(stepExecution).runId(), dataSource);
		results.setSaveState(false);
		return new ProcessAheadReader<>("statementsReader", results,
				StatementFilesWriter.afterRendering(statementRenderProcessor, statementFilesWriter),
				StepScopedTasks.of(chunkProcessingExecutor, stepExecution), STATEMENTS_CHUNK);
	}

	@Bean
	@StepScope
	StatementRenderProcessor statementRenderProcessor(@Value("#{stepExecution}") StepExecution stepExecution,
			StatementHtmlRenderer html, StatementPdfRenderer pdf, SettlementStore settlements, PaymentSchedule schedule,
			RuleSetCatalog catalog, PeerFiguresReader peers) {
		RunContext context = RunContext.of(stepExecution);
		return new StatementRenderProcessor(html, context.run().pdf() ? pdf : null,
				settlements.byCentre(context.runId()), PaymentCalendar.balanceDueNote(catalog.rules(context.run()), schedule),
				PeerBenchmark.of(peers.figures(context.runId())));
	}

	@Bean
	@StepScope
	StatementFilesWriter statementFilesWriter(@Value("#{stepExecution}") StepExecution stepExecution) {
		return new StatementFilesWriter(RunContext.of(stepExecution).outputDirectory().resolve("statements"));
	}


	@Bean
	Step runOutputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunStore store,
			RegionTable regions, RuleSetCatalog catalog, SettlementStore settlements, PaymentLedger ledger) {
		return new StepBuilder("runOutputs", jobRepository)
			.tasklet(new RunOutputsTasklet(store, regions, catalog, settlements, ledger), transactionManager)
			.build();
	}

	@Bean
	Step summaryReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore store, RegionTable regions, RuleSetCatalog catalog, SummaryReportWriter writer, PeerFiguresReader peers) {
		return new StepBuilder("summaryReport", jobRepository)
			.tasklet(new SummaryReportTasklet(store, regions, catalog, writer, peers), transactionManager)
			.build();
	}

	/** Last: every output is written; the manifest lists them with their checksums. */
	@Bean
	Step manifestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return new StepBuilder("manifest", jobRepository).tasklet(new ManifestTasklet(), transactionManager).build();
	}

}
