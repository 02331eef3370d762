package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.impact.ImpactService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code impact}: what a draft avenant would change for every centre of a paid exercice. */
@Component
@Command(name = "impact", mixinStandardHelpOptions = true,
		description = { "Estimate what draft rules (a proposed avenant) would change for every centre of a paid",
				"exercice: each centre is recomputed from the exercice's frozen snapshot under the base rules and",
				"under each draft. Nothing is paid or recorded (no job, no ledger entry). Writes totals.csv,",
				"distribution.csv, centres.csv, centres.xlsx, impact.html and synthese.txt to",
				"<output>/impact/<name>/; with --finess, prints that centre's statement before and after instead." })
public class ImpactCommand implements Callable<Integer> {

	private final ImpactService service;

	@Option(names = "--exercice", required = true, description = "Paid exercice to recompute.")
	int exercice;

	@Option(names = "--amendment", required = true, paramLabel = "FILE",
			description = { "Draft rules: a full rule-set file (repeat the option to compare several drafts",
					"side by side, each against the base)." })
	List<Path> amendments = new ArrayList<>();

	@Option(names = "--base", paramLabel = "ID@VERSION",
			description = "Base rule set (default: that of the latest completed run of the exercice).")
	String base;

	@Option(names = "--rules", paramLabel = "DIR",
			description = "Where the base rule set is read (default: where that run read its rules).")
	String rules;

	@Option(names = "--finess", paramLabel = "FINESS",
			description = "Print this centre's statement before and after, line by line, instead of the reports.")
	String finess;

	@Option(names = "--output", defaultValue = "output", description = "Output directory (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--name", description = "Directory under <output>/impact/ (default: <exercice>-<drafts' names>).")
	String name;

	public ImpactCommand(ImpactService service) {
		this.service = service;
	}

	@Override
	public Integer call() {
		ImpactService.Outcome outcome = this.service.run(new ImpactService.Request(this.exercice, this.amendments,
				Optional.ofNullable(this.base), Optional.ofNullable(this.rules), Optional.ofNullable(this.finess),
				this.output, Optional.ofNullable(this.name)));
		ExitCode code = switch (outcome.status()) {
			case DONE -> ExitCode.OK;
			case USAGE -> ExitCode.USAGE;
			case NO_SNAPSHOT -> ExitCode.INPUT_REFUSED;
			case RULES_REFUSED -> ExitCode.RULES_REFUSED;
		};
		if (code != ExitCode.OK) {
			System.err.println(outcome.message());
			return code.code();
		}
		if (!outcome.centreText().isEmpty()) {
			System.out.print(outcome.centreText());
		}
		else {
			System.out.println(outcome.message());
		}
		return ExitCode.OK.code();
	}

}
