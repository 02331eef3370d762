package fr.cds.remuneration.annual;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.PartitionStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.transaction.PlatformTransactionManager;

import fr.cds.remuneration.extract.ByteRange;
import fr.cds.remuneration.extract.DuplicateRowFinder;
import fr.cds.remuneration.extract.ExtractProgress;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.partitioning.ExtractPartitioning;
import fr.cds.remuneration.partitioning.LocalPartitioningConfiguration;
import fr.cds.remuneration.partitioning.RemotePartitioningConfiguration;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.partitioning.PartitionProcessRecorder;

/**
 * The patient extract's steps: streamed once into per-centre aggregates, in partitions (threads of
 * this process, or worker processes under the remote-partitioning profile), then its duplicate
 * rows found and taken out.
 */
@Configuration(proxyBeanMethods = false)
public class PatientExtractStepsConfiguration {

	/** Bytes of the patient extract read so far, for the progress reporter. */
	@Bean
	ExtractProgress extractProgress() {
		return new ExtractProgress();
	}

	// -------------------------------------------------------------------- patient extract

	/**
	 * The extract read in partitions by {@code patientExtractPartitionHandler}: threads of this
	 * process by default ({@link LocalPartitioningConfiguration}), worker processes under the
	 * {@code remote-partitioning} profile ({@link RemotePartitioningConfiguration}).
	 */
	@Bean
	Step patientExtractStep(JobRepository jobRepository, PatientExtractPartitioner patientExtractPartitioner,
			PartitionHandler patientExtractPartitionHandler,
			ObjectProvider<ExtractProgressReporter> extractProgressReporter) {
		PartitionStepBuilder step = new StepBuilder("patientExtract", jobRepository)
			.partitioner(ExtractPartitioning.PATIENT_EXTRACT_PARTITION, patientExtractPartitioner)
			.partitionHandler(patientExtractPartitionHandler);
		extractProgressReporter.ifAvailable(step::listener);
		return step.build();
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
		return new StepBuilder(ExtractPartitioning.PATIENT_EXTRACT_PARTITION, jobRepository)
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

}
