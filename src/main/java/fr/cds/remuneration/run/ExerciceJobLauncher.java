package fr.cds.remuneration.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.cli.ExitCode;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.InputRejectedException;
import fr.cds.remuneration.ledger.LedgerConflictException;
import fr.cds.remuneration.rules.RuleSetException;

/**
 * What every job on an exercice goes through before and after it runs: the exercice's lock for
 * the whole run (one process per exercice, whatever the job), the recovery of executions of the
 * exercice left running by a crashed process, and the exit code and message of how it ended.
 * Every job that works on an exercice has an identifying {@value #EXERCICE} parameter.
 */
@Component
public class ExerciceJobLauncher {

	/** Job parameter holding the exercice, in every job. */
	public static final String EXERCICE = "exercice";

	private static final Log logger = LogFactory.getLog(ExerciceJobLauncher.class);

	private final ExerciceLock exerciceLock;

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	public ExerciceJobLauncher(ExerciceLock exerciceLock, JobOperator jobOperator, JobRepository jobRepository) {
		this.exerciceLock = exerciceLock;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
	}

	/** A launch, run while the exercice's lock is held. */
	@FunctionalInterface
	public interface Launch {

		LaunchOutcome launch() throws Exception;

	}

	/**
	 * Takes the exercice's lock (or refuses at once when another process holds it), recovers the
	 * crashed executions of the exercice, then runs {@code launch}.
	 */
	public LaunchOutcome underLock(int exercice, Launch launch) {
		Optional<ExerciceLock.Held> lock = this.exerciceLock.tryAcquire(exercice);
		if (lock.isEmpty()) {
			return LaunchOutcome.refused(ExitCode.ALREADY_RUNNING, "Exercice " + exercice
					+ " is being processed by another process: refused. Wait for it to end, then check with 'runs'.");
		}
		try (ExerciceLock.Held held = lock.get()) {
			recoverCrashedExecutions(exercice);
			return launch.launch();
		}
		catch (JobExecutionAlreadyRunningException ex) {
			return LaunchOutcome.refused(ExitCode.ALREADY_RUNNING,
					"A run of exercice " + exercice + " with these parameters is in progress: refused.");
		}
		catch (Exception ex) {
			return LaunchOutcome.refused(ExitCode.FAILED, "The job could not be launched: " + ex.getMessage());
		}
	}

	/**
	 * Executions of this exercice still marked running while we hold its lock were left by a
	 * crashed process (kill -9, power cut): mark them failed so that a launch restarts them.
	 */
	void recoverCrashedExecutions(int exercice) {
		for (String jobName : this.jobRepository.getJobNames()) {
			for (JobExecution execution : this.jobRepository.findRunningJobExecutions(jobName)) {
				if (isOf(execution, exercice)) {
					logger.warn("Execution " + execution.getId() + " of " + jobName + " for exercice " + exercice
							+ " was left running by a crashed process: recovering it before going on");
					this.jobOperator.recover(execution);
				}
			}
		}
	}

	/** The completed executions of {@code jobName} for the exercice, the newest first. */
	public List<JobExecution> completedExecutions(String jobName, int exercice) {
		List<JobExecution> completed = new ArrayList<>();
		for (JobInstance instance : this.jobRepository.findJobInstances(jobName)) {
			for (JobExecution execution : this.jobRepository.getJobExecutions(instance)) {
				if (execution.getStatus() == BatchStatus.COMPLETED && isOf(execution, exercice)) {
					completed.add(execution);
				}
			}
		}
		completed.sort(Comparator.comparing(JobExecution::getJobInstanceId).reversed());
		return completed;
	}

	private static boolean isOf(JobExecution execution, int exercice) {
		Long executionExercice = execution.getJobParameters().getLong(EXERCICE);
		return executionExercice != null && executionExercice == exercice;
	}

	/**
	 * How an execution that ran ended: {@code success} when it completed, otherwise the exit code of
	 * its failure (inputs or rules refused, a payment that would be made twice, or failed) and what
	 * to do.
	 */
	public static LaunchOutcome ended(JobExecution execution, String success) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			return new LaunchOutcome(ExitCode.OK, success, execution);
		}
		List<Throwable> failures = execution.getAllFailureExceptions();
		ExitCode code = ExitCode.FAILED;
		List<String> messages = new ArrayList<>();
		for (Throwable failure : failures) {
			Throwable cause = rootOfInterest(failure);
			if (cause instanceof InputFileException || cause instanceof InputRejectedException) {
				code = ExitCode.INPUT_REFUSED;
			}
			else if (cause instanceof RuleSetException) {
				code = ExitCode.RULES_REFUSED;
			}
			else if (cause instanceof LedgerConflictException) {
				code = ExitCode.ALREADY_COMPLETED;
			}
			messages.add(cause == failure ? withRootCause(failure) : cause.getMessage());
		}
		return new LaunchOutcome(code, "Run " + execution.getJobInstanceId() + " ended " + execution.getStatus() + ": "
				+ String.join("\n", messages) + "\nOnce fixed, launch the same command again: the run restarts where"
				+ " it stopped.", execution);
	}

	/** An unexpected failure's message and, when it wraps one, its root cause's. */
	private static String withRootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == failure ? failure.getMessage() : failure.getMessage() + " (" + root + ")";
	}

	private static Throwable rootOfInterest(Throwable failure) {
		Throwable current = failure;
		while (current != null) {
			if (current instanceof InputFileException || current instanceof InputRejectedException
					|| current instanceof RuleSetException || current instanceof LedgerConflictException) {
				return current;
			}
			current = current.getCause();
		}
		return failure;
	}

}
