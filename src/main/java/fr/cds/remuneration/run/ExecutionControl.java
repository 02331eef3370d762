package fr.cds.remuneration.run;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Operators' hands on existing executions: restart a failed one, or recover one that a crashed
 * process left marked as running. Both take the exercice's lock first, so that neither can touch
 * an execution that is really running.
 */
@Component
public class ExecutionControl {

	private static final Log logger = LogFactory.getLog(ExecutionControl.class);

	/** Job parameter that every job of the application carries. */
	private static final String EXERCICE = "exercice";

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final ExerciceLock lock;

	private final InterruptedExecutions interrupted;

	public ExecutionControl(JobOperator jobOperator, JobRepository jobRepository, ExerciceLock lock,
			InterruptedExecutions interrupted) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.lock = lock;
		this.interrupted = interrupted;
	}

	/** Restarts a failed or stopped execution from the step where it stopped. */
	public JobOutcome restart(long executionId) {
		return withLock(executionId, execution -> {
			if (execution.getStatus() == BatchStatus.UNKNOWN) {
				this.interrupted.markFailed(execution);
			}
			else if (execution.getStatus().isRunning()) {
				logger.warn("Execution " + executionId + " was left running by a crashed process: recovering it");
				this.jobOperator.recover(execution);
			}
			try {
				JobExecution restarted = this.jobOperator.restart(execution);
				return JobOutcome.of(restarted, "Execution " + executionId + " restarted as execution "
						+ restarted.getId() + " and completed.");
			}
			catch (Exception ex) {
				return new JobOutcome(ExitCode.FAILED, "Execution " + executionId + " cannot be restarted: "
						+ ex.getMessage(), execution);
			}
		});
	}

	/**
	 * Marks an execution left STARTED by a crashed process as FAILED (Spring Batch's
	 * {@code JobOperator.recover}), or left UNKNOWN by a database outage (see
	 * {@link InterruptedExecutions}), so that it can be restarted; refused while it really runs.
	 */
	public JobOutcome recover(long executionId) {
		return withLock(executionId, execution -> {
			if (execution.getStatus() == BatchStatus.UNKNOWN) {
				JobExecution failed = this.interrupted.markFailed(execution);
				return new JobOutcome(ExitCode.OK, "Execution " + executionId + " recovered from UNKNOWN (its last step's end"
						+ " was not recorded, e.g. the database was unavailable): now " + failed.getStatus()
						+ "; restart it with 'restart " + executionId + "' or by launching the same run again.", failed);
			}
			if (!execution.getStatus().isRunning()) {
				return new JobOutcome(ExitCode.OK, "Execution " + executionId + " is " + execution.getStatus()
						+ ": nothing to recover.", execution);
			}
			JobExecution recovered = this.jobOperator.recover(execution);
			return new JobOutcome(ExitCode.OK, "Execution " + executionId + " recovered: now " + recovered.getStatus()
					+ "; restart it with 'restart " + executionId + "' or by launching the same run again.", recovered);
		});
	}

	private JobOutcome withLock(long executionId, java.util.function.Function<JobExecution, JobOutcome> action) {
		JobExecution execution = this.jobRepository.getJobExecution(executionId);
		if (execution == null) {
			return new JobOutcome(ExitCode.USAGE, "No execution " + executionId + " (see 'runs').", null);
		}
		Long exercice = execution.getJobParameters().getLong(EXERCICE);
		if (exercice == null) {
			return new JobOutcome(ExitCode.USAGE, "Execution " + executionId + " has no exercice parameter.", execution);
		}
		Optional<ExerciceLock.Held> held = this.lock.tryAcquire(Math.toIntExact(exercice));
		if (held.isEmpty()) {
			return new JobOutcome(ExitCode.ALREADY_RUNNING, "Exercice " + exercice
					+ " is being processed by another process: execution " + executionId + " is really running.",
					execution);
		}
		try (ExerciceLock.Held lock = held.get()) {
			return action.apply(execution);
		}
	}

}
