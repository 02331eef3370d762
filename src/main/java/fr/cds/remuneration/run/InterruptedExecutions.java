package fr.cds.remuneration.run;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Executions that Spring Batch left {@code UNKNOWN}: it could not record how a step ended, most
 * often because the database went away in the middle of a run. Spring Batch neither recovers nor
 * restarts such an execution ({@code Cannot restart job from UNKNOWN status}), which left an
 * exercice stuck until someone edited the job repository by hand. Under the exercice's lock no
 * process can still be running it, so it is marked {@code FAILED} with the reason recorded, and
 * the restart redoes the step whose end was not recorded: every step rewrites its own results
 * (partition aggregates replaced, ledger entries merged on their reference, outputs renamed into
 * place), so a step done twice gives the outputs of a step done once.
 */
@Component
public class InterruptedExecutions {

	private static final Log logger = LogFactory.getLog(InterruptedExecutions.class);

	static final String REASON = "état UNKNOWN (fin d'étape non enregistrée, base de données indisponible ?) :"
			+ " marquée en échec pour être reprise";

	private final JobRepository jobRepository;

	public InterruptedExecutions(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/** The executions of this exercice left {@code UNKNOWN}, of every job. */
	public List<JobExecution> unknownOf(int exercice) {
		List<JobExecution> unknown = new ArrayList<>();
		for (String jobName : this.jobRepository.getJobNames()) {
			for (JobInstance instance : this.jobRepository.findJobInstances(jobName)) {
				JobExecution last = this.jobRepository.getLastJobExecution(instance);
				if (last != null && last.getStatus() == BatchStatus.UNKNOWN
						&& Long.valueOf(exercice).equals(last.getJobParameters().getLong(ExerciceJobLauncher.EXERCICE))) {
					// reloaded with its step executions, which the last-execution query leaves out
					unknown.add(this.jobRepository.getJobExecution(last.getId()));
				}
			}
		}
		return unknown;
	}

	/**
	 * Marks the execution, and its steps still running or {@code UNKNOWN}, {@code FAILED} with the
	 * reason; the caller holds the exercice's lock.
	 */
	public JobExecution markFailed(JobExecution execution) {
		LocalDateTime now = LocalDateTime.now();
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning() || step.getStatus() == BatchStatus.UNKNOWN) {
				step.setStatus(BatchStatus.FAILED);
				step.setExitStatus(ExitStatus.FAILED.addExitDescription(REASON));
				if (step.getEndTime() == null) {
					step.setEndTime(now);
				}
				this.jobRepository.update(step);
			}
		}
		execution.setStatus(BatchStatus.FAILED);
		execution.setExitStatus(ExitStatus.FAILED.addExitDescription(REASON));
		if (execution.getEndTime() == null) {
			execution.setEndTime(now);
		}
		this.jobRepository.update(execution);
		logger.warn("Exécution " + execution.getId() + " : " + REASON);
		return execution;
	}

}
