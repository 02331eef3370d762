package fr.cds.remuneration.cli;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.run.JobOutcome;

/** How a command tells the operator how it ended: the message on stdout or stderr, and the exit code. */
final class Outcomes {

	private Outcomes() {
	}

	static int report(JobOutcome outcome) {
		(outcome.exitCode() == ExitCode.OK ? System.out : System.err).println(outcome.message());
		return outcome.exitCode().code();
	}

}
