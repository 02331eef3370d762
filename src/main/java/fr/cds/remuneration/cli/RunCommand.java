package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.LaunchOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the annual payment job for one exercice. */
@Component
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Compute the forfait of every centre for an exercice and write statements, regional summary,",
				"payment file, rejects and run report to <output>/<exercice>/.",
				"A failed run restarts where it stopped when launched again with the same inputs;",
				"once an exercice is completed, any second annual run of it is refused (exit code 5):",
				"nothing is paid twice; a change after payment goes through 'reprocess'." })
public class RunCommand implements Callable<Integer> {

	private final AnnualRunLauncher launcher;

	@Option(names = "--exercice", required = true, description = "Year of activity N (paid in N+1).")
	int exercice;

	@Option(names = "--input", required = true,
			description = "Directory holding centres.csv, declarations.csv and patients.csv.")
	Path input;

	@Option(names = "--output", defaultValue = "output", description = "Output directory (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--extraction-date", required = true,
			description = "Date the insurer's patient extract was taken (yyyy-mm-dd).")
	LocalDate extractionDate;

	@Option(names = "--rules", defaultValue = RuleSetRepository.BUILT_IN,
			description = "Rule-set directory (default: the rule sets shipped with the application).")
	String rules;

	@Option(names = "--rule-set",
			description = "Rule set to apply, as id@version (default: the newest covering the exercice).")
	String ruleSet;

	public RunCommand(AnnualRunLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		LaunchOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(this.exercice,
				this.input, this.output, this.rules, Optional.ofNullable(this.ruleSet), this.extractionDate));
		(outcome.exitCode() == ExitCode.OK ? System.out : System.err).println(outcome.message());
		return outcome.exitCode().code();
	}

}
