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
	 * lets the other render); the step's own thread reads the results in order and commits each chunk.
	 */
	@Bean
	Step statementsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<StoredResultEncoding.Stored> resultReader, StatementRenderProcessor statementRenderProcessor,
			StatementFilesWriter statementFilesWriter, AsyncTaskExecutor chunkProcessingExecutor) {
		return new StepBuilder("statements", jobRepository).<StoredResultEncoding.Stored, RenderedStatement>chunk(100)
			.transactionManager(transactionManager)
			.reader(resultReader)
			.processor(StatementFilesWriter.afterRendering(statementRenderProcessor, statementFilesWriter))
			.taskExecutor(chunkProcessingExecutor)
			.writer(StatementFilesWriter.ALREADY_WRITTEN)
			// the processor is wrapped: its summary line at the end of the step is registered here
			.listener((StepExecutionListener) statementRenderProcessor)
			.build();
	}

	@Bean
	@StepScope
	JdbcCursorItemReader<StoredResultEncoding.Stored> resultReader(@Value("#{stepExecution}") StepExecution stepExecution,
			DataSource dataSource) {
		// read in order on the step's thread, decoded on the rendering threads
		return RunCursors.of("resultReader", ResultStore.STORED_RESULTS_OF_RUN,
				(rs, i) -> StoredResultEncoding.stored(rs, 1), RunContext.of(stepExecution).runId(), dataSource);
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
