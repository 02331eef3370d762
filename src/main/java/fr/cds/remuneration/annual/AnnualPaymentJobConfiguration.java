package fr.cds.remuneration.annual;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.rules.PaymentCalendar;
import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.extract.ByteRange;
import fr.cds.remuneration.extract.ExtractProgress;
import fr.cds.remuneration.extract.DuplicateRowFinder;
import fr.cds.remuneration.input.CentreRowValidator;
import fr.cds.remuneration.input.ContractRowValidator;
import fr.cds.remuneration.input.CsvFileReader;
import fr.cds.remuneration.input.CsvRow;
import fr.cds.remuneration.input.DeclarationAnswer;
import fr.cds.remuneration.input.DeclarationRowValidator;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputLimits;
import fr.cds.remuneration.input.Validated;
import fr.cds.remuneration.ledger.CentreSettler;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.rules.PaymentSchedule;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.output.StatementPdfRenderer;
import fr.cds.remuneration.output.SummaryReportWriter;
import fr.cds.remuneration.remote.RemotePartitioningConfiguration;
import fr.cds.remuneration.peer.PeerBenchmark;
import fr.cds.remuneration.snapshot.PeerFiguresReader;
import fr.cds.remuneration.snapshot.RunCursors;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.snapshot.PeerThresholdStore;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.StoredResult;
import fr.cds.remuneration.snapshot.SnapshotJson;

/**
 * The annual payment job: computes a whole exercice for every centre and writes what operations
 * send out.
 *
 * <pre>
 * checkRules → checkInputs → centres → declarations → contracts → patientExtract → patientDuplicates → inputQuality
 *   → compute → balance → statements → runOutputs → summaryReport → manifest
 * </pre>
 *
 * Input files are read by chunk-oriented steps that validate each row and store accepted values
 * and rejects together; the patient extract is streamed once into per-centre aggregates, then its
 * duplicate rows are found and taken out; the centres are computed chunk by chunk; each centre's
 * balance (total − advances already in the ledger) is recorded in the payment ledger; statements
 * are rendered chunk by chunk; summaries, payments, rejects and the run report follow, and the
 * manifest of every output closes the run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputLimits.class)
public class AnnualPaymentJobConfiguration {

	public static final String JOB_NAME = "annualPaymentJob";

	/** The worker step of {@code patientExtract}: one byte range of the patient extract. */
	public static final String PATIENT_EXTRACT_PARTITION = "patientExtractPartition";

	/** Bytes of the patient extract read so far, for the progress reporter. */
	@Bean
	ExtractProgress extractProgress() {
		return new ExtractProgress();
	}

	@Bean
	RegionTable regionTable() {
		return RegionTable.load();
	}

	@Bean
	public Job annualPaymentJob(JobRepository jobRepository, Step checkRulesStep, Step checkInputsStep, Step centresStep,
			Step declarationsStep, Step contractsStep, Step patientExtractStep, Step patientDuplicatesStep, Step inputQualityStep,
			Step peerThresholdsStep, Step computeStep, Step balanceStep, Step statementsStep, Step runOutputsStep, Step summaryReportStep,
			Step manifestStep) {
		return new JobBuilder(JOB_NAME, jobRepository).start(checkRulesStep)
			.next(checkInputsStep)
			.next(centresStep)
			.next(declarationsStep)
			.next(contractsStep)
			.next(patientExtractStep)
			.next(patientDuplicatesStep)
			.next(inputQualityStep)
			.next(peerThresholdsStep)
			.next(computeStep)
			.next(balanceStep)
			.next(statementsStep)
			.next(runOutputsStep)
			.next(summaryReportStep)
			.next(manifestStep)
			.build();
	}

	// ------------------------------------------------------------------------------ rules

	@Bean
	Step checkRulesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RuleSetCatalog catalog) {
		return new StepBuilder("checkRules", jobRepository).tasklet(new CheckRulesTasklet(catalog), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	/**
	 * A step that reads an input file, validates each row and stores accepted rows and rejects
	 * together; the gate records the file's counts ({@link InputFileStep}).
	 */
	private static <T> Step inputFileStep(InputFileStep input, int chunkSize, CsvFileReader reader,
			ItemProcessor<CsvRow, Validated<T>> validator, ItemWriter<Validated<T>> writer, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		return new StepBuilder(input.stepName(), jobRepository).<CsvRow, Validated<T>>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(validator)
			.writer(writer)
			.build();
	}

	@Bean
	Step checkInputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		return new StepBuilder("checkInputs", jobRepository).tasklet(new CheckInputsTasklet(), transactionManager)
			.allowStartIfComplete(true)
			.build();
	}

	/** The reader of an input file of the run, in the run's declared encoding. */
	private static CsvFileReader inputReader(StepExecution stepExecution, InputFile file) {
		RunContext context = RunContext.of(stepExecution);
		AnnualRun run = context.run();
		return new CsvFileReader(run.input(file), file, run.inputEncoding(),
				context.inputDigest().map(d -> d.fileChecksums().get(file)).orElse(null));
	}

	// ---------------------------------------------------------------------------- centres

	@Bean
	Step centresStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvFileReader centresReader, CentreRowValidator centreRowValidator,
			ItemWriter<Validated<Centre>> centreWriter, RunStore store) {
		return inputFileStep(InputFileStep.CENTRES, 500, centresReader, centreRowValidator, centreWriter, jobRepository,
				transactionManager);
	}

	@Bean
	@StepScope
	CsvFileReader centresReader(@Value("#{stepExecution}") StepExecution stepExecution) {
		return inputReader(stepExecution, InputFile.CENTRES);
	}

	@Bean
	@StepScope
	CentreRowValidator centreRowValidator(@Value("#{stepExecution}") StepExecution stepExecution, RegionTable regions,
			InputLimits limits, RunStore store) {
		RunContext context = RunContext.of(stepExecution);
		return new CentreRowValidator(context.run().exercice(), regions, limits,
				store.centreTypes(context.runId()).keySet());
	}

	@Bean
	@StepScope
	ValidatedRowWriter<Centre> centreWriter(@Value("#{stepExecution}") StepExecution stepExecution, RunStore store) {
		return new ValidatedRowWriter<>(store, RunContext.of(stepExecution).runId(), store::saveCentres);
	}

	// ----------------------------------------------------------------------- declarations

	@Bean
	Step declarationsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvFileReader declarationsReader, DeclarationRowValidator declarationRowValidator,
			ItemWriter<Validated<DeclarationAnswer>> declarationWriter, RunStore store) {
		return inputFileStep(InputFileStep.DECLARATIONS, 1000, declarationsReader, declarationRowValidator,
				declarationWriter, jobRepository, transactionManager);
	}

	@Bean
	@StepScope
	CsvFileReader declarationsReader(@Value("#{stepExecution}") StepExecution stepExecution) {
		return inputReader(stepExecution, InputFile.DECLARATIONS);
	}

	@Bean
	@StepScope
	DeclarationRowValidator declarationRowValidator(@Value("#{stepExecution}") StepExecution stepExecution,
			RuleSetCatalog catalog, RunStore store) {
		RunContext context = RunContext.of(stepExecution);
		return new DeclarationRowValidator(catalog.rules(context.run()), store.centreTypes(context.runId()),
				store.declarationKeys(context.runId()));
	}

	@Bean
	@StepScope
	ValidatedRowWriter<DeclarationAnswer> declarationWriter(@Value("#{stepExecution}") StepExecution stepExecution,
			RunStore store) {
		return new ValidatedRowWriter<>(store, RunContext.of(stepExecution).runId(), store::saveDeclarations);
	}

	// -------------------------------------------------------------------------- contracts

	@Bean
	Step contractsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CsvFileReader contractsReader, ContractRowValidator contractRowValidator,
			ItemWriter<Validated<Contract>> contractWriter, RunStore store) {
		return inputFileStep(InputFileStep.CONTRACTS, 500, contractsReader, contractRowValidator, contractWriter,
				jobRepository, transactionManager);
	}

	@Bean
	@StepScope
	CsvFileReader contractsReader(@Value("#{stepExecution}") StepExecution stepExecution) {
		return inputReader(stepExecution, InputFile.CONTRACTS);
	}

	@Bean
	@StepScope
	ContractRowValidator contractRowValidator(@Value("#{stepExecution}") StepExecution stepExecution,
			RuleSetCatalog catalog, InputLimits limits, RunStore store) {
		RunContext context = RunContext.of(stepExecution);
		return new ContractRowValidator(context.run().exercice(),
				catalog.rules(context.run()).payments().contractKinds(), store.centreTypes(context.runId()), limits,
				store.contractKeys(context.runId()));
	}

	@Bean
	@StepScope
	ValidatedRowWriter<Contract> contractWriter(@Value("#{stepExecution}") StepExecution stepExecution, RunStore store) {
		return new ValidatedRowWriter<>(store, RunContext.of(stepExecution).runId(), store::saveContracts);
	}

	// -------------------------------------------------------------------- patient extract

	/**
	 * The extract read in partitions by {@code patientExtractPartitionHandler}: threads of this
	 * process by default, worker processes under the {@code remote-partitioning} profile.
	 */
	@Bean
	Step patientExtractStep(JobRepository jobRepository, PatientExtractPartitioner patientExtractPartitioner,
			PartitionHandler patientExtractPartitionHandler,
			ObjectProvider<ExtractProgressReporter> extractProgressReporter) {
		PartitionStepBuilder step = new StepBuilder("patientExtract", jobRepository)
			.partitioner(PATIENT_EXTRACT_PARTITION, patientExtractPartitioner)
			.partitionHandler(patientExtractPartitionHandler);
		extractProgressReporter.ifAvailable(step::listener);
		return step.build();
	}

	/** The partitions read by threads of this process, all at once up to the grid size. */
	@Bean
	@Profile("!" + RemotePartitioningConfiguration.PROFILE)
	TaskExecutorPartitionHandler patientExtractPartitionHandler(Step patientExtractPartitionStep,
			ExtractPartitioning partitioning) {
		SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("extract-");
		threads.setConcurrencyLimit(partitioning.gridSize());
		TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
		handler.setStep(patientExtractPartitionStep);
		handler.setTaskExecutor(threads);
		handler.setGridSize(partitioning.gridSize());
		return handler;
	}

	/**
	 * The progress bar of the extract, fed by the partitions' threads. Not with remote
	 * partitioning: the rows are read in other processes, and the bar would stay at zero.
	 */
	@Bean
	@Profile("!" + RemotePartitioningConfiguration.PROFILE)
	ExtractProgressReporter extractProgressReporter(ExtractProgress extractProgress) {
		return new ExtractProgressReporter(extractProgress);
	}

	@Bean
	@StepScope
	PatientExtractPartitioner patientExtractPartitioner(@Value("#{stepExecution}") StepExecution stepExecution,
			ExtractPartitioning partitioning) {
		RunContext context = RunContext.of(stepExecution);
		return new PatientExtractPartitioner(context.run().input(InputFile.PATIENTS), partitioning,
				context.inputDigest());
	}

	/**
	 * One byte range of the extract, folded and stored in one transaction; restarts on its own.
	 * The same step runs in a thread of the run's process or in a worker process; each partition
	 * records which process ran it.
	 */
	@Bean
	Step patientExtractPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			PatientExtractTasklet patientExtractTasklet) {
		return new StepBuilder(PATIENT_EXTRACT_PARTITION, jobRepository)
			.tasklet(patientExtractTasklet, transactionManager)
			.transactionAttribute(PatientExtractTasklet.NO_TRANSACTION)
			.listener(new PartitionProcessRecorder())
			.build();
	}

	@Bean
	@StepScope
	PatientExtractTasklet patientExtractTasklet(RunStore store, RunWorkDirectory workDirectory,
			ExtractProgress extractProgress, PlatformTransactionManager transactionManager,
			@Value("#{stepExecutionContext['" + PatientExtractPartitioner.PARTITION + "']}") int partition,
			@Value("#{stepExecutionContext['" + PatientExtractPartitioner.START + "']}") long start,
			@Value("#{stepExecutionContext['" + PatientExtractPartitioner.END + "']}") long end,
			@Value("#{stepExecutionContext['" + PatientExtractPartitioner.SHA256 + "']}") String sha256,
			@Value("#{stepExecutionContext['" + PatientExtractPartitioner.FILE_BYTES + "']}") long fileBytes) {
		return new PatientExtractTasklet(store, workDirectory, partition, new ByteRange(start, end), extractProgress,
				sha256, fileBytes, transactionManager);
	}

	/**
	 * @param sortRows rows the duplicate search sorts in memory at once ({@code cds.extract.duplicate-sort-rows},
	 * a power of two; 2²¹ rows take 64 MB)
	 */
	@Bean
	Step patientDuplicatesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			RunStore store, RunWorkDirectory workDirectory,
			@Value("${cds.extract.duplicate-sort-rows:" + DuplicateRowFinder.DEFAULT_CHUNK_ROWS + "}") int sortRows) {
		return new StepBuilder("patientDuplicates", jobRepository)
			.tasklet(new PatientDuplicatesTasklet(store, workDirectory, sortRows), transactionManager)
			.build();
	}

	@Bean
	Step inputQualityStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunStore store,
			InputLimits limits, RuleSetCatalog catalog) {
		return new StepBuilder("inputQuality", jobRepository)
			.tasklet(new InputQualityTasklet(store, limits, catalog, jobRepository, transactionManager), transactionManager)
			.build();
	}

	// ---------------------------------------------------------------------- computation

	@Bean
	Step peerThresholdsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunStore store,
			PeerThresholdStore thresholds, RuleSetCatalog catalog) {
		return new StepBuilder("peerThresholds", jobRepository)
			.tasklet(new PeerThresholdsTasklet(store, thresholds, catalog), transactionManager)
			.build();
	}

	@Bean
	Step computeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<String> centreFinessReader, CentreComputationProcessor centreComputationProcessor,
			ResultWriter resultWriter, AsyncTaskExecutor chunkProcessingExecutor) {
		return new StepBuilder("compute", jobRepository).<String, StoredResult>chunk(100)
			.transactionManager(transactionManager)
			.reader(centreFinessReader)
			.processor(centreComputationProcessor)
			.taskExecutor(chunkProcessingExecutor)
			.writer(resultWriter)
			.build();
	}

	@Bean
	@StepScope
	JdbcCursorItemReader<String> centreFinessReader(@Value("#{stepExecution}") StepExecution stepExecution,
			DataSource dataSource) {
		// a held centre is not computed: no result, no balance, no payment line
		return runReader("centreFinessReader", "SELECT C.FINESS FROM RUN_CENTRE C WHERE C.RUN_ID = ? AND NOT EXISTS"
				+ " (SELECT 1 FROM RUN_HELD_CENTRE H WHERE H.RUN_ID = C.RUN_ID AND H.FINESS = C.FINESS) ORDER BY C.FINESS",
				(rs, i) -> rs.getString(1), stepExecution, dataSource);
	}

	@Bean
	@StepScope
	CentreComputationProcessor centreComputationProcessor(@Value("#{stepExecution}") StepExecution stepExecution,
			RunStore store, RuleSetCatalog catalog, PeerThresholdStore thresholds) {
		RunContext context = RunContext.of(stepExecution);
		ExerciceRules rules = catalog.rules(context.run());
		return new CentreComputationProcessor(store.inputs(context.runId(), context.run().extractionDate()), rules,
				thresholds.load(context.runId(), rules));
	}

	@Bean
	@StepScope
	ResultWriter resultWriter(@Value("#{stepExecution}") StepExecution stepExecution, RunStore store) {
		return new ResultWriter(store, RunContext.of(stepExecution).runId());
	}

	/** A restartable cursor over rows of the current run ({@code sql} takes the run id). */
	private static <T> JdbcCursorItemReader<T> runReader(String name, String sql, RowMapper<T> rowMapper,
			StepExecution stepExecution, DataSource dataSource) {
		return RunCursors.of(name, sql, rowMapper, RunContext.of(stepExecution).runId(), dataSource);
	}

	// -------------------------------------------------------------------------- balance

	@Bean
	Step balanceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunStore store,
			PaymentLedger ledger, CentreSettler settler, fr.cds.remuneration.run.ExerciceLease lease) {
		return new StepBuilder("balance", jobRepository)
			.tasklet(new BalanceTasklet(store, ledger, settler, jobRepository, lease), transactionManager)
			.build();
	}

	// -------------------------------------------------------------------------- outputs

	/** Statements rendered on every core; the step's own thread reads the results and writes each chunk's files. */
	@Bean
	Step statementsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<String> resultReader, StatementRenderProcessor statementRenderProcessor,
			StatementFilesWriter statementFilesWriter, AsyncTaskExecutor chunkProcessingExecutor) {
		return new StepBuilder("statements", jobRepository).<String, RenderedStatement>chunk(100)
			.transactionManager(transactionManager)
			.reader(resultReader)
			.processor(statementRenderProcessor)
			.taskExecutor(chunkProcessingExecutor)
			.writer(statementFilesWriter)
			.build();
	}

	@Bean
	@StepScope
	JdbcCursorItemReader<String> resultReader(@Value("#{stepExecution}") StepExecution stepExecution,
			DataSource dataSource) {
		return runReader("resultReader", "SELECT RESULT_JSON FROM CENTRE_RESULT WHERE RUN_ID = ? ORDER BY FINESS",
				(rs, i) -> rs.getString(1), stepExecution, dataSource);
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

	/**
	 * Threads on which chunk-oriented steps process their items concurrently (rendering statements,
	 * computing centres): one per core; reading and writing stay in the step's own thread.
	 */
	@Bean(destroyMethod = "shutdown")
	ThreadPoolTaskExecutor chunkProcessingExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(Runtime.getRuntime().availableProcessors());
		executor.setThreadNamePrefix("chunk-");
		executor.setDaemon(true);
		executor.initialize();
		return executor;
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
