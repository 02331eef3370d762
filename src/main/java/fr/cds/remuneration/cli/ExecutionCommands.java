package fr.cds.remuneration.cli;

import java.util.concurrent.Callable;
import java.util.function.LongFunction;

import fr.cds.remuneration.run.ExecutionControl;
import fr.cds.remuneration.run.JobOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code restart} and {@code recover}: an operator's hands on one execution listed by {@code runs}. */
final class ExecutionCommands {

	private ExecutionCommands() {
	}

	abstract static class OnExecution implements Callable<Integer> {

		@Parameters(index = "0", description = "Execution id (see 'runs').")
		long executionId;

		protected int print(LongFunction<JobOutcome> action) {
			return Outcomes.report(action.apply(this.executionId));
		}

	}

	@org.springframework.stereotype.Component
	@Command(name = "restart", mixinStandardHelpOptions = true,
			description = { "Restart a failed or stopped execution from the step where it stopped.",
					"An execution left running by a crashed process is recovered first; refused while it",
					"really runs." })
	static class Restart extends OnExecution {

		private final ExecutionControl control;

		Restart(ExecutionControl control) {
			this.control = control;
		}

		@Override
		public Integer call() {
			return print(this.control::restart);
		}

	}

	@org.springframework.stereotype.Component
	@Command(name = "recover", mixinStandardHelpOptions = true,
			description = { "Mark an execution left STARTED by a crashed process as FAILED.",
					"It can then be restarted. Refused while it really runs (its exercice is locked by a live",
					"process)." })
	static class Recover extends OnExecution {

		private final ExecutionControl control;

		Recover(ExecutionControl control) {
			this.control = control;
		}

		@Override
		public Integer call() {
			return print(this.control::recover);
		}

	}

}
