package fr.cds.remuneration.reprocess;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.annual.JobRunInputs;
import fr.cds.remuneration.annual.ProcessAheadReader;
import fr.cds.remuneration.annual.RenderedStatement;
import fr.cds.remuneration.annual.RunContext;
import fr.cds.remuneration.annual.StatementFilesWriter;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.ledger.CentreSettler;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.reprocess.ReprocessStore.ScopeCentre;
import fr.cds.remuneration.snapshot.RunCursors;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * The re-processing job: recomputes a paid exercice under a new rule-set version (an avenant) or
 * with the corrected inputs of named centres (a dispute), from the exercice's frozen snapshot, and
 * pays or recovers only the difference with what the ledger already holds.
 *
 * <pre>
 * checkRules → reprocessStart → [corrected inputs: checkInputs → centres → declarations → contracts → patientExtract
 *                                  → patientDuplicates → inputQuality]
 *            → reprocessScope → regularise → regularisationStatements → regularisationOutputs
 * </pre>
 *
 * The corrected inputs of a dispute go through the annual job's own input flow
 * ({@code InputStepsConfiguration.inputStepsFlow}: same steps, readers, validation, rejects and
 * counts), stored under this run's id next to the annual ones.
 */
@Configuration(proxyBeanMethods = false)
public class ReprocessJobConfiguration {

	public static final String JOB_NAME = "reprocessJob";

	static final String CORRECTED = "CORRECTED";

	static final String SNAPSHOT = "SNAPSHOT";

	@Bean
	public Job reprocessJob(JobRepository jobRepository, Step checkRulesStep, Step reprocessStartStep,
			JobExecutionDecider correctedInputsDecider, Flow inputStepsFlow, Step reprocessScopeStep, Step regulariseStep,
			Step regularisationStatementsStep, Step regularisationOutputsStep, Step manifestStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(checkRulesStep)
			.next(reprocessStartStep)
			.next(correctedInputsDecider)
			.on(CORRECTED)
			.to(inputStepsFlow)
			.next(reprocessScopeStep)
			.from(correctedInputsDecider)
			.on(SNAPSHOT)
			.to(reprocessScopeStep)
			.from(reprocessScopeStep)
			.next(regulariseStep)
			.next(regularisationStatementsStep)
			.next(regularisationOutputsStep)
			.next(manifestStep)
			.end()
			.build();
	}

	@Bean
	Step reprocessStartStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReprocessStore store) {
		return new StepBuilder("reprocessStart", jobRepository)
			.tasklet(new ReprocessStartTasklet(store), transactionManager)
			.build();
	}

	/** Corrected inputs of a dispute go through the input steps; otherwise straight to the snapshot. */
	@Bean
	JobExecutionDecider correctedInputsDecider() {
		return (jobExecution, stepExecution) -> new FlowExecutionStatus(
				ReprocessRun.from(jobExecution.getJobParameters()).hasCorrectedInputs() ? CORRECTED : SNAPSHOT);
	}

	@Bean
	Step reprocessScopeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ReprocessStore store) {
		return new StepBuilder("reprocessScope", jobRepository)
			.tasklet(new ReprocessScopeTasklet(store), transactionManager)
			.build();
	}

	// ------------------------------------------------------------------------- regularise

	@Bean
	Step regulariseStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ProcessAheadReader<ScopeCentre, Regularisation> regularisationReader,
			RegularisationWriter regularisationWriter, @Value("${cds.reprocess.chunk-size:100}") int chunkSize,
			JobRunInputs inputs) {
		// the centres are computed on the annual computation's threads ahead of the writer (one thread),
		// which stores a chunk while the next ones are computed
		return new StepBuilder("regularise", jobRepository).<Regularisation, Regularisation>chunk(chunkSize)
			.transactionManager(transactionManager)
			// the corrected inputs' snapshot read by inputQuality: regularise reads every run's inputs itself
			.listener(inputs.releasedBeforeTheStep())
			.reader(regularisationReader)
			.writer(regularisationWriter)
			.build();
	}

	/**
	 * The scope's centres in FINESS order, each recomputed on the chunk-processing threads two chunks
	 * ahead at most: with one chunk, the threads computed the next chunk while one was stored and then
	 * waited for the writer to take it (their idle time, in JFR's park events, was 7 % of the step's
	 * under load); two keep them computing while the writer stores, for 100 more results on the heap.
	 * A restart skips the centres of the committed chunks.
	 */
	@Bean
	@StepScope
	ProcessAheadReader<ScopeCentre, Regularisation> regularisationReader(
			@Value("#{stepExecution}") StepExecution stepExecution, DataSource dataSource, RunStore store,
			ReprocessStore reprocessStore, JobRepository jobRepository, RuleSetCatalog catalog,
			@Value("${cds.reprocess.chunk-size:100}") int chunkSize, AsyncTaskExecutor chunkProcessingExecutor) {
		RunContext context = RunContext.of(stepExecution);
		JdbcCursorItemReader<ScopeCentre> scope = RunCursors.of("scopeReader",
				"SELECT FINESS, INPUT_RUN_ID FROM REPROCESS_CENTRE WHERE RUN_ID = ? ORDER BY FINESS",
				(rs, i) -> new ScopeCentre(rs.getString(1), rs.getLong(2)), context.runId(), dataSource);
		scope.setSaveState(false);
		// the processor itself, not a step-scoped proxy: it is called on threads that know no step
		RegularisationProcessor processor = new RegularisationProcessor(store, reprocessStore, jobRepository,
				context.runId(), ReprocessRun.from(stepExecution.getJobParameters()), catalog.rules(context.run()));
		return new ProcessAheadReader<>("regularisationReader", scope, processor, chunkProcessingExecutor,
				2 * chunkSize);
	}

	@Bean
	@StepScope
	RegularisationWriter regularisationWriter(@Value("#{stepExecution}") StepExecution stepExecution, RunStore store,
			ReprocessStore reprocessStore, CentreSettler settler, fr.cds.remuneration.run.ExerciceLease lease) {
		return new RegularisationWriter(store, reprocessStore, settler, RunContext.of(stepExecution).runId(), lease);
	}

	// -------------------------------------------------------------------------- outputs

	@Bean
	Step regularisationStatementsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<String> regularisedCentreReader,
			RegularisationStatementRenderer regularisationStatementRenderer,
			StatementFilesWriter regularisationFilesWriter, AsyncTaskExecutor chunkProcessingExecutor) {
		return new StepBuilder("regularisationStatements", jobRepository).<String, RenderedStatement>chunk(100)
			.transactionManager(transactionManager)
			.reader(regularisedCentreReader)
			.processor(StatementFilesWriter.afterRendering(regularisationStatementRenderer, regularisationFilesWriter))
			.taskExecutor(chunkProcessingExecutor)
			.writer(StatementFilesWriter.ALREADY_WRITTEN)
			.build();
	}

	/** The centres whose amount of some stream changed: only they get a statement. */
	@Bean
	@StepScope
	JdbcCursorItemReader<String> regularisedCentreReader(@Value("#{stepExecution}") StepExecution stepExecution,
			DataSource dataSource) {
		return RunCursors.of("regularisedCentreReader",
				"SELECT DISTINCT FINESS FROM RUN_SETTLEMENT WHERE RUN_ID = ? AND REFERENCE IS NOT NULL ORDER BY FINESS",
				(rs, i) -> rs.getString(1), RunContext.of(stepExecution).runId(), dataSource);
	}

	@Bean
	@StepScope
	RegularisationStatementRenderer regularisationStatementRenderer(@Value("#{stepExecution}") StepExecution stepExecution,
			RuleSetCatalog catalog, ReprocessStore reprocessStore, SettlementStore settlements, PaymentLedger ledger,
			StatementHtmlRenderer html) {
		RunContext context = RunContext.of(stepExecution);
		return new RegularisationStatementRenderer(context.runId(), catalog.rules(context.run()).ruleSet(),
				reprocessStore, settlements, ledger, html);
	}

	@Bean
	@StepScope
	StatementFilesWriter regularisationFilesWriter(@Value("#{stepExecution}") StepExecution stepExecution) {
		return new StatementFilesWriter(RunContext.of(stepExecution).outputDirectory().resolve("statements"));
	}

	@Bean
	Step regularisationOutputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore store, ReprocessStore reprocessStore, SettlementStore settlements, PaymentLedger ledger,
			RegionTable regions, RuleSetCatalog catalog) {
		return new StepBuilder("regularisationOutputs", jobRepository)
			.tasklet(new RegularisationOutputsTasklet(store, reprocessStore, settlements, ledger, regions, catalog),
					transactionManager)
			.build();
	}

}
