package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.reprocess.ReprocessLauncher;
import fr.cds.remuneration.run.JobOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reprocess}: recompute a paid exercice and pay or recover only the difference. */
@Component
@Command(name = "reprocess", mixinStandardHelpOptions = true,
		description = { "Recompute a paid exercice from its frozen snapshot under a new rule-set version (an avenant),",
				"or with corrected inputs for named centres (a dispute), and pay or recover only the difference",
				"with what the ledger already holds. Writes regularisation statements, a regularisation payment",
				"file, a summary by region and a run report to <output>/<exercice>/regularisations/R<run>/.",
				"The same re-processing twice is refused (exit code 5); a failed one restarts where it stopped." })
public class ReprocessCommand implements Callable<Integer> {

	private final ReprocessLauncher launcher;

	@Option(names = "--exercice", required = true, description = "Exercice to re-process (it must have been paid).")
	int exercice;

	@Mixin
	RuleSetOptions ruleSets;

	@Option(names = "--centre", paramLabel = "FINESS",
			description = "Re-process only this centre (repeat the option for several; default: every centre).")
	List<String> centres = new ArrayList<>();

	@Option(names = "--corrected-input", paramLabel = "DIR",
			description = { "Directory holding centres.csv, declarations.csv and patients.csv with the corrected inputs",
					"of exactly the centres named with --centre (a dispute); validated like the annual inputs." })
	Path correctedInput;

	@Option(names = "--extraction-date",
			description = "Date the corrected patient extract was taken (yyyy-mm-dd); with --corrected-input only.")
	LocalDate extractionDate;

	@Option(names = "--output", defaultValue = "output", description = "Output directory (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--operator", description = { "Name of the operator launching the run (default: the OS user name).",
			"Its payment lines are then approved by another operator ('approve')." })
	String operator;

	@Option(names = "--name", description = "Readable suffix of the output directory, e.g. avenant-6.")
	String name;

	public ReprocessCommand(ReprocessLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		JobOutcome outcome = this.launcher.launch(new ReprocessLauncher.Request(this.exercice,
				this.ruleSets.ruleSet(), this.ruleSets.rules, this.centres, Optional.ofNullable(this.correctedInput),
				Optional.ofNullable(this.extractionDate), this.output, Optional.ofNullable(this.name)), this.operator);
		return Outcomes.report(outcome);
	}

}
