package fr.cds.remuneration.annual;

import fr.cds.remuneration.snapshot.PeerThresholdStore;
import fr.cds.remuneration.rules.ExerciceRules;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
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
import fr.cds.remuneration.snapshot.RunCursors;
import fr.cds.remuneration.snapshot.RunStore.StoredResult;
import fr.cds.remuneration.snapshot.RunStore;

/** The computation phase: each centre not held is computed from the stored inputs, chunk by chunk. */
@Configuration(proxyBeanMethods = false)
public class ComputeStepsConfiguration {

	// ---------------------------------------------------------------------- computation

	/** Before compute: the national thresholds that some aids compare a centre with (e.g. the 95th percentile). */
	@Bean
	Step peerThresholdsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunStore store,
			JobRunInputs inputs, PeerThresholdStore thresholds, RuleSetCatalog catalog) {
		return new StepBuilder("peerThresholds", jobRepository)
			.tasklet(new PeerThresholdsTasklet(store, inputs, thresholds, catalog), transactionManager)
			.build();
	}

	@Bean
	Step computeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			JdbcCursorItemReader<String> centreFinessReader, CentreComputationProcessor centreComputationProcessor,
			ResultWriter resultWriter, AsyncTaskExecutor chunkProcessingExecutor, JobRunInputs inputs) {
		return new StepBuilder("compute", jobRepository).<String, StoredResult>chunk(100)
			.transactionManager(transactionManager)
			.listener(inputs.releasedAfterTheStep())
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
		return RunCursors.of("centreFinessReader", "SELECT C.FINESS FROM RUN_CENTRE C WHERE C.RUN_ID = ? AND NOT EXISTS"
				+ " (SELECT 1 FROM RUN_HELD_CENTRE H WHERE H.RUN_ID = C.RUN_ID AND H.FINESS = C.FINESS) ORDER BY C.FINESS",
				(rs, i) -> rs.getString(1), RunContext.of(stepExecution).runId(), dataSource);
	}

	@Bean
	@StepScope
	CentreComputationProcessor centreComputationProcessor(@Value("#{stepExecution}") StepExecution stepExecution,
			JobRunInputs inputs, RuleSetCatalog catalog, PeerThresholdStore thresholds) {
		RunContext context = RunContext.of(stepExecution);
		ExerciceRules rules = catalog.rules(context.run());
		return new CentreComputationProcessor(inputs.of(stepExecution), rules,
				thresholds.load(context.runId(), rules));
	}

	@Bean
	@StepScope
	ResultWriter resultWriter(@Value("#{stepExecution}") StepExecution stepExecution, RunStore store) {
		return new ResultWriter(store, RunContext.of(stepExecution).runId());
	}

}
