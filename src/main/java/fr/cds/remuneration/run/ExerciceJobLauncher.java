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

/**
 * What every job on an exercice goes through before it runs: the exercice's lock for the whole run
 * (one process per exercice, whatever the job) and the recovery of executions of the exercice left
 * running by a crashed process; {@link JobOutcome} then says how it ended.
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

	private final InterruptedExecutions interrupted;

	public ExerciceJobLauncher(ExerciceLock exerciceLock, JobOperator jobOperator, JobRepository jobRepository,
			InterruptedExecutions interrupted) {
		this.exerciceLock = exerciceLock;
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.interrupted = interrupted;
	}

	/** A launch, run while the exercice's lock is held. */
	@FunctionalInterface
	public interface Launch {

		JobOutcome launch() throws Exception;

	}

	/**
	 * Takes the exercice's lock (or refuses at once when another process holds it), recovers the
	 * crashed executions of the exercice, then runs {@code launch}.
	 */
	public JobOutcome underLock(int exercice, Launch launch) {
		Optional<ExerciceLock.Held> lock = this.exerciceLock.tryAcquire(exercice);
		if (lock.isEmpty()) {
			return JobOutcome.refused(ExitCode.ALREADY_RUNNING, this.exerciceLock.refusal(exercice));
		}
		try (ExerciceLock.Held held = lock.get()) {
			recoverCrashedExecutions(exercice);
			return launch.launch();
		}
		catch (LeaseLostException ex) {
			return JobOutcome.refused(ExitCode.ALREADY_RUNNING, ex.getMessage());
		}
		catch (JobExecutionAlreadyRunningException ex) {
			return JobOutcome.refused(ExitCode.ALREADY_RUNNING,
					"Un run de l'exercice " + exercice + " avec ces paramètres est en cours : refusé.");
		}
		catch (Exception ex) {
			return JobOutcome.refused(ExitCode.FAILED, "Le traitement n'a pas pu être lancé : " + ex.getMessage());
		}
	}

	/**
	 * Executions of this exercice still marked running while we hold its lock were left by a
	 * crashed process (kill -9, power cut), and those left UNKNOWN by a database outage: mark them
	 * failed so that a launch restarts them.
	 */
	void recoverCrashedExecutions(int exercice) {
		for (String jobName : this.jobRepository.getJobNames()) {
			for (JobExecution execution : this.jobRepository.findRunningJobExecutions(jobName)) {
				if (isOf(execution, exercice)) {
					logger.warn("Exécution " + execution.getId() + " de " + jobName + " pour l'exercice " + exercice
							+ " laissée en cours par un processus interrompu (arrêt brutal) : reprise en main avant de continuer");
					this.jobOperator.recover(execution);
				}
			}
		}
		this.interrupted.unknownOf(exercice).forEach(this.interrupted::markFailed);
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

}
