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
				logger.warn("Exécution " + executionId + " laissée en cours par un processus interrompu (arrêt brutal) : reprise en main");
				this.jobOperator.recover(execution);
			}
			try {
				JobExecution restarted = this.jobOperator.restart(execution);
				return JobOutcome.of(restarted, "Exécution " + executionId + " relancée sous le numéro "
						+ restarted.getId() + " et terminée.");
			}
			catch (Exception ex) {
				return new JobOutcome(ExitCode.FAILED, "L'exécution " + executionId + " ne peut pas être relancée : "
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
				return new JobOutcome(ExitCode.OK, "Exécution " + executionId + " reprise de l'état UNKNOWN (la fin de sa dernière étape"
						+ " n'a pas été enregistrée, par exemple base de données indisponible) : désormais " + failed.getStatus()
						+ " ; relancez-la par 'restart " + executionId + "' ou en lançant de nouveau le même run.", failed);
			}
			if (!execution.getStatus().isRunning()) {
				return new JobOutcome(ExitCode.OK, "Exécution " + executionId + " à l'état " + execution.getStatus()
						+ " : rien à reprendre.", execution);
			}
			JobExecution recovered = this.jobOperator.recover(execution);
			return new JobOutcome(ExitCode.OK, "Exécution " + executionId + " reprise : désormais " + recovered.getStatus()
					+ " ; relancez-la par 'restart " + executionId + "' ou en lançant de nouveau le même run.", recovered);
		});
	}

	private JobOutcome withLock(long executionId, java.util.function.Function<JobExecution, JobOutcome> action) {
		JobExecution execution;
		try {
			execution = this.jobRepository.getJobExecution(executionId);
		}
		catch (org.springframework.dao.EmptyResultDataAccessException ex) {
			// Spring Batch 6 throws where it returned null
			execution = null;
		}
		if (execution == null) {
			return new JobOutcome(ExitCode.USAGE, "Aucune exécution " + executionId + " (voir 'runs').", null);
		}
		Long exercice = execution.getJobParameters().getLong(EXERCICE);
		if (exercice == null) {
			return new JobOutcome(ExitCode.USAGE, "L'exécution " + executionId + " n'a pas de paramètre exercice.", execution);
		}
		Optional<ExerciceLock.Held> held = this.lock.tryAcquire(Math.toIntExact(exercice));
		if (held.isEmpty()) {
			return new JobOutcome(ExitCode.ALREADY_RUNNING, "L'exercice " + exercice
					+ " est en cours de traitement par un autre processus : l'exécution " + executionId + " tourne réellement.\n"
					+ this.lock.refusal(Math.toIntExact(exercice)),
					execution);
		}
		try (ExerciceLock.Held lock = held.get()) {
			return action.apply(execution);
		}
	}

}
