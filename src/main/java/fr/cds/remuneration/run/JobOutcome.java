package fr.cds.remuneration.run;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.InputRejectedException;
import fr.cds.remuneration.input.InputsChangedException;
import fr.cds.remuneration.ledger.LedgerConflictException;
import fr.cds.remuneration.rules.load.RuleSetException;

/**
 * How a job execution ended, for an operator: the exit code of the command line and a message
 * that says what happened and what to do.
 */
public record JobOutcome(ExitCode exitCode, String message, JobExecution execution) {

	/** Key of the job execution context: how many centres the run holds (en attente), not paid. */
	public static final String HELD_CENTRES = "held.centres";

	/** A launch refused before any job started. */
	public static JobOutcome refused(ExitCode exitCode, String message) {
		return new JobOutcome(exitCode, message, null);
	}

	/** The outcome of a finished execution; {@code success} is the message when it completed. */
	public static JobOutcome of(JobExecution execution, String success) {
		if (execution.getStatus() == BatchStatus.COMPLETED) {
			int held = execution.getExecutionContext().getInt(HELD_CENTRES, 0);
			if (held > 0) {
				return new JobOutcome(ExitCode.COMPLETED_WITH_HELD_CENTRES, success + "\n" + held
						+ " centre(s) EN ATTENTE, non payé(s) : leurs entrées sont incomplètes ou invraisemblables."
						+ " Le motif de chacun figure dans centres-en-attente.csv, le rapport du run et son relevé"
						+ " <FINESS>-en-attente.txt. Une fois corrigé, débloquez chacun par un retraitement de litige"
						+ " (cds reprocess --centre <FINESS> --corrected-input <DIR> ...) : il est payé une seule fois.", execution);
			}
			return new JobOutcome(ExitCode.OK, success, execution);
		}
		List<Throwable> failures = execution.getAllFailureExceptions();
		ExitCode code = ExitCode.FAILED;
		List<String> messages = new ArrayList<>();
		for (Throwable failure : failures) {
			if (rootOfInterest(failure) instanceof LeaseLostException lost) {
				// fenced: another process holds the exercice now, and "launch again" would be wrong advice
				return new JobOutcome(ExitCode.ALREADY_RUNNING, "Run " + execution.getJobInstanceId() + " (exécution "
						+ execution.getId() + ") arrêté : " + lost.getMessage(), execution);
			}
		}
		for (Throwable failure : failures) {
			Throwable cause = rootOfInterest(failure);
			if (cause instanceof InputsChangedException) {
				// whatever else failed with it: the inputs changed under the run
				code = ExitCode.INPUTS_CHANGED;
			}
			else if (code == ExitCode.INPUTS_CHANGED) {
				// kept
			}
			else if (cause instanceof InputFileException || cause instanceof InputRejectedException) {
				code = ExitCode.INPUT_REFUSED;
			}
			else if (cause instanceof RuleSetException) {
				code = ExitCode.RULES_REFUSED;
			}
			else if (cause instanceof LedgerConflictException) {
				code = ExitCode.ALREADY_COMPLETED;
			}
			// an exception of ours says in French what happened; the library exception under it would add English
			messages.add(cause == failure && !explains(failure) ? withRootCause(failure) : cause.getMessage());
		}
		return new JobOutcome(code, "Run " + execution.getJobInstanceId() + " (exécution " + execution.getId()
				+ ") terminé en " + execution.getStatus() + " : " + String.join("\n", messages)
				+ "\nUne fois le problème corrigé, relancez la même commande : le run reprend là où il s'est arrêté.", execution);
	}

	/** An unexpected failure's message and, when it wraps one, its root cause's. */
	private static String withRootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == failure ? failure.getMessage() : failure.getMessage() + " (" + root + ")";
	}

	/** The exception that explains a failure to an operator, under Spring Batch's wrappers. */
	private static Throwable rootOfInterest(Throwable failure) {
		Throwable current = failure;
		while (current != null) {
			if (explains(current)) {
				return current;
			}
			current = current.getCause();
		}
		return failure;
	}

	/** Whether {@code failure} is one of the application's exceptions that tell the operator what to do. */
	private static boolean explains(Throwable failure) {
		return failure instanceof InputsChangedException || failure instanceof InputFileException
				|| failure instanceof InputRejectedException || failure instanceof RuleSetException
				|| failure instanceof LedgerConflictException || failure instanceof LeaseLostException;
	}

}
