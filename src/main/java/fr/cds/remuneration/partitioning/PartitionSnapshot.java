package fr.cds.remuneration.partitioning;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

import fr.cds.remuneration.partitioning.PartitionProcessRecorder;

/**
 * The partitions of a partitioned step in one job execution, as the shared job repository has
 * them now: what the run's process knows of the work its workers are doing.
 *
 * @param partitions the partitions' step executions, by name
 */
record PartitionSnapshot(List<StepExecution> partitions) {

	/** Reads the partitions of {@code workerStep} in the job execution of {@code managerStep}. */
	static PartitionSnapshot read(JobRepository jobRepository, StepExecution managerStep, String workerStep) {
		JobExecution jobExecution = jobRepository.getJobExecution(managerStep.getJobExecutionId());
		if (jobExecution == null) {
			return new PartitionSnapshot(List.of());
		}
		String prefix = workerStep + ":";
		return new PartitionSnapshot(jobExecution.getStepExecutions()
			.stream()
			.filter(execution -> execution.getStepName().startsWith(prefix))
			.sorted((a, b) -> a.getStepName().compareTo(b.getStepName()))
			.toList());
	}

	/** The partitions no worker has ended yet: sent and waiting in the queue, or being read. */
	List<StepExecution> unfinished() {
		return this.partitions.stream().filter(execution -> execution.getStatus().isRunning()).toList();
	}

	/** {@code 3 partitions terminées sur 8, 2 en lecture, 3 en attente d'un worker}. */
	String progress() {
		int unfinished = unfinished().size();
		long waiting = this.partitions.stream().filter(execution -> execution.getStatus() == BatchStatus.STARTING).count();
		return (this.partitions.size() - unfinished) + " partitions terminées sur " + this.partitions.size() + ", "
				+ (unfinished - waiting) + " en lecture, " + waiting + " en attente d'un worker";
	}

	/** Which process ran which partitions: {@code 1234@host-a: range0, range2; 5678@host-b: range1}. */
	String processes() {
		Map<String, String> byProcess = new TreeMap<>(this.partitions.stream()
			.collect(Collectors.groupingBy(PartitionSnapshot::process,
					Collectors.mapping(execution -> execution.getStepName().substring(execution.getStepName().indexOf(':') + 1),
							Collectors.joining(", ")))));
		return byProcess.entrySet()
			.stream()
			.map(entry -> entry.getKey() + ": " + entry.getValue())
			.collect(Collectors.joining("; "));
	}

	private static String process(StepExecution execution) {
		return execution.getExecutionContext().getString(PartitionProcessRecorder.PROCESS, "processus inconnu");
	}

}
