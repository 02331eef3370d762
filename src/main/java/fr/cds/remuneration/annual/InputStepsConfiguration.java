package fr.cds.remuneration.annual;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.input.CentreRowValidator;
import fr.cds.remuneration.input.ContractRowValidator;
import fr.cds.remuneration.input.CsvFileReader;
import fr.cds.remuneration.input.CsvRow;
import fr.cds.remuneration.input.DeclarationAnswer;
import fr.cds.remuneration.input.DeclarationRowValidator;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputLimits;
import fr.cds.remuneration.input.Validated;
import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * The input phase of a run: checkInputs → centres → declarations → contracts → patientExtract →
 * patientDuplicates → inputQuality, as one {@link Flow}. Input files are read by chunk-oriented
 * steps that validate each row and store accepted values and rejects together; the patient
 * extract's steps are in {@link PatientExtractStepsConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class InputStepsConfiguration {

	/** The name of the input flow, for logs and the job repository's flow states. */
	public static final String INPUT_FLOW = "inputSteps";

	/**
	 * The input steps, in order, written once: the annual job and the re-processing job (for a
	 * dispute's corrected inputs) both run this flow.
	 */
	@Bean
	Flow inputStepsFlow(Step checkInputsStep, Step centresStep, Step declarationsStep, Step contractsStep,
			Step patientExtractStep, Step patientDuplicatesStep, Step inputQualityStep) {
		return new FlowBuilder<SimpleFlow>(INPUT_FLOW).start(checkInputsStep)
			.next(centresStep)
			.next(declarationsStep)
			.next(contractsStep)
			.next(patientExtractStep)
			.next(patientDuplicatesStep)
			.next(inputQualityStep)
			.build();
	}

	/**
	 * A step that reads an input file, validates each row and stores accepted rows and rejects
	 * together; the gate records the file's counts ({@link InputFileStep}). Its step-scoped reader,
	 * validator and writer are resolved once per execution, not at every row ({@link StepScopedParts}).
	 */
	private static <T> Step inputFileStep(InputFileStep input, int chunkSize, CsvFileReader reader,
			ItemProcessor<CsvRow, Validated<T>> validator, ItemWriter<Validated<T>> writer, JobRepository jobRepository,
			PlatformTransactionManager transactionManager) {
		StepScopedParts<CsvRow, Validated<T>> parts = new StepScopedParts<>(reader, validator, writer);
		return new StepBuilder(input.stepName(), jobRepository).<CsvRow, Validated<T>>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(parts.reader())
			.processor(parts.processor())
			.writer(parts.writer())
			.listener(parts)
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
		// 5,000 rows a chunk: the national file's 3,000 centres in one transaction (each commit stores the
		// changed pages: six commits were 13 % of the step's samples)
		return inputFileStep(InputFileStep.CENTRES, 5000, centresReader, centreRowValidator, centreWriter, jobRepository,
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
		// 10,000 short lines a chunk (a few MB): 6 transactions for the national file instead of 59, each
		// committing the reader's position and the step's context with the chunk's rows
		return inputFileStep(InputFileStep.DECLARATIONS, 10000, declarationsReader, declarationRowValidator,
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


	@Bean
	Step inputQualityStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunStore store,
			InputLimits limits, RuleSetCatalog catalog, JobRunInputs inputs) {
		return new StepBuilder("inputQuality", jobRepository)
			.tasklet(new InputQualityTasklet(store, inputs, limits, catalog, jobRepository, transactionManager),
					transactionManager)
			.build();
	}

}
