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

		@Parameters(index = "0", description = "Identifiant de l'exécution (voir 'runs').")
		long executionId;

		protected int print(LongFunction<JobOutcome> action) {
			return Outcomes.report(action.apply(this.executionId));
		}

	}

	@org.springframework.stereotype.Component
	@Command(name = "restart", mixinStandardHelpOptions = true,
			description = { "Relance une exécution en échec ou arrêtée à partir de l'étape où elle s'est arrêtée.",
					"Une exécution laissée en cours par un processus tombé est d'abord récupérée ; refusé tant",
					"qu'elle tourne réellement." })
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
			description = { "Marque FAILED une exécution laissée STARTED par un processus tombé.",
					"Elle peut ensuite être relancée. Refusé tant qu'elle tourne réellement (son exercice est",
					"verrouillé par un processus vivant)." })
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
