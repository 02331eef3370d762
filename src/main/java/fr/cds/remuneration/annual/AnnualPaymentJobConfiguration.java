package fr.cds.remuneration.annual;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.input.InputLimits;
import fr.cds.remuneration.rules.RuleSetCatalog;

/**
 * The annual payment job: computes a whole exercice for every centre and writes what operations
 * send out.
 *
 * <pre>
 * checkRules → checkInputs → centres → declarations → contracts → patientExtract → patientDuplicates → inputQuality
 *   → peerThresholds → compute → balance → statements → runOutputs → summaryReport → manifest
 * </pre>
 *
 * One configuration per phase: {@link InputStepsConfiguration} (with
 * {@link PatientExtractStepsConfiguration}), {@link ComputeStepsConfiguration},
 * {@link PaymentStepsConfiguration}, {@link OutputStepsConfiguration}. This class assembles the job
 * and holds what several phases share.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputLimits.class)
public class AnnualPaymentJobConfiguration {

	public static final String JOB_NAME = "annualPaymentJob";

	@Bean
	RegionTable regionTable() {
		return RegionTable.load();
	}

	/** The input steps come from {@link InputStepsConfiguration#inputStepsFlow}, shared with the re-processing job. */
	@Bean
	public Job annualPaymentJob(JobRepository jobRepository, Step checkRulesStep, Flow inputStepsFlow, Step peerThresholdsStep, Step computeStep,
			Step balanceStep, Step statementsStep, Step runOutputsStep, Step summaryReportStep, Step manifestStep) {
		return new JobBuilder(JOB_NAME, jobRepository).flow(checkRulesStep)
			.next(inputStepsFlow)
			.next(peerThresholdsStep)
			.next(computeStep)
			.next(balanceStep)
			.next(statementsStep)
			.next(runOutputsStep)
			.next(summaryReportStep)
			.next(manifestStep)
			.end()
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

}
