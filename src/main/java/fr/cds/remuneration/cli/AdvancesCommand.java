package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.advance.AdvanceLauncher;
import fr.cds.remuneration.run.JobOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code advances}: compute and record the advances of an exercice, paid during the exercice. */
@Component
@Command(name = "advances", mixinStandardHelpOptions = true,
		description = { "Compute the advance of every centre for an exercice N, as the payment calendar says",
				"(parameter advance of the rule set: a rate of what the socle indicators would earn at 100 %, a minimum,",
				"never more than that socle amount), from the centres of the completed annual run of",
				"N-1 under the rules of N; record them in the ledger and write <output>/<N>/advances/.",
				"Centres that already have an advance for N are left as they are." })
public class AdvancesCommand implements Callable<Integer> {

	private final AdvanceLauncher launcher;

	@Option(names = "--exercice", required = true, description = "Exercice N whose advances are paid during N.")
	int exercice;

	@Mixin
	RuleSetOptions ruleSets;

	@Option(names = "--output", defaultValue = "output", description = "Output directory (default: ${DEFAULT-VALUE}).")
	Path output;

	public AdvancesCommand(AdvanceLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		JobOutcome outcome = this.launcher.launch(new AdvanceLauncher.Request(this.exercice, this.ruleSets.rules,
				this.ruleSets.ruleSet(), this.output));
		return Outcomes.report(outcome);
	}

}
