package fr.cds.remuneration.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.output.StatementTextRenderer;
import fr.cds.remuneration.output.StatementView;
import fr.cds.remuneration.snapshot.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explain <FINESS> <exercice>}: the stored explanation of a centre's amount. */
@Component
@Command(name = "explain", mixinStandardHelpOptions = true,
		description = { "Print the stored explanation of a centre's amount for an exercice.",
				"Every indicator, its base, its value and rule, as computed by the latest completed run",
				"(or the run given)." })
public class ExplainCommand implements Callable<Integer> {

	private final RunStore store;

	@Parameters(index = "0", description = "FINESS of the centre.")
	String finess;

	@Parameters(index = "1", description = "Exercice.")
	int exercice;

	@Option(names = "--run", description = "Run id (see 'runs'); default: the latest completed run of the exercice.")
	Long run;

	public ExplainCommand(RunStore store) {
		this.store = store;
	}

	@Override
	public Integer call() {
		if (!Finess.isWellFormed(this.finess)) {
			System.err.println("'" + this.finess + "' is not a FINESS number (9 characters).");
			return ExitCode.USAGE.code();
		}
		Optional<CentreResult> result = this.run != null ? this.store.result(this.run, this.finess)
				: this.store.latestCompletedResult(this.exercice, this.finess);
		if (result.isEmpty() || result.get().exercice() != this.exercice) {
			System.err.println("No stored result for centre " + this.finess + " and exercice " + this.exercice
					+ (this.run != null ? " in run " + this.run : " in a completed run") + ".");
			return ExitCode.FAILED.code();
		}
		System.out.print(StatementTextRenderer.render(StatementView.of(result.get())));
		return ExitCode.OK.code();
	}

}
