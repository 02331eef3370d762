package fr.cds.remuneration.run;

import org.springframework.batch.core.job.JobExecution;

import fr.cds.remuneration.cli.ExitCode;

/**
 * How a launch ended: the exit code, the operator's message, and the execution when a job ran
 * ({@code null} when it was refused before starting).
 */
public record LaunchOutcome(ExitCode exitCode, String message, JobExecution execution) {

	public static LaunchOutcome refused(ExitCode exitCode, String message) {
		return new LaunchOutcome(exitCode, message, null);
	}

}
