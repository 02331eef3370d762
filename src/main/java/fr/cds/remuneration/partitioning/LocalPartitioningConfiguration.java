package fr.cds.remuneration.partitioning;

import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Local partitioning of the patient extract (without the {@value RemotePartitioningConfiguration#PROFILE}
 * profile): the partitions of {@code patientExtract} run in threads of the run's process, all at
 * once up to the grid size. The other handler, {@link RemotePartitioningConfiguration}'s, sends
 * them to worker processes; both run the same {@code patientExtractPartition} step.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!" + RemotePartitioningConfiguration.PROFILE)
public class LocalPartitioningConfiguration {

	/** The partitions read by threads of this process, all at once up to the grid size. */
	@Bean
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

}
