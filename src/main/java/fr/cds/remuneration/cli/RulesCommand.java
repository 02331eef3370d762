package fr.cds.remuneration.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetException;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.sheet.RuleItems;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code rules}: what operations need to read the rule sets without opening the YAML: the texts,
 * the rules of an exercice, what changed between two exercices or two versions, and every value
 * that is still provisional. It reads and validates the rule-set files exactly as a run does, so a
 * file that this command accepts is a file that a run accepts.
 */
@Component
@Command(name = "rules", mixinStandardHelpOptions = true,
		description = { "Read the rule sets: texts, rules of an exercice, differences, provisional values.",
				"A value marked '" + RuleSheetPrinter.PROVISIONAL
						+ "' is not confirmed (analog or placeholder): it may change when the official text is published." })
public class RulesCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	@Command(name = "texts", mixinStandardHelpOptions = true,
			description = "List the accords and avenants: signature, approval and publication dates, first exercice governed.")
	int texts(@Mixin RuleSetOptions source) {
		return print(printer -> source.selected().forEach(printer::texts));
	}

	@Command(name = "show", mixinStandardHelpOptions = true,
			description = "Show the rules of an exercice: parameters, indicators in force (socle, values, status, source, text), indicators not in force, national neutralisations.")
	int show(@Option(names = "--exercice", required = true, description = "Exercice (year of activity).") int exercice,
			@Mixin RuleSetOptions source) {
		return print(printer -> printer.show(source.rulesFor(exercice)));
	}

	@Command(name = "diff", mixinStandardHelpOptions = true,
			description = { "Compare the rules of two exercices, or of two rule-set versions for one exercice.",
					"Each side is EXERCICE or EXERCICE:ID@VERSION, e.g. 'rules diff 2022 2023' or",
					"'rules diff 2024:accord-2015@2026.1 2024:accord-2015@2026.2'." })
	int diff(@Parameters(index = "0", paramLabel = "LEFT", description = "EXERCICE[:ID@VERSION]") String left,
			@Parameters(index = "1", paramLabel = "RIGHT", description = "EXERCICE[:ID@VERSION]") String right,
			@Option(names = "--rules", defaultValue = RuleSetRepository.BUILT_IN,
					description = "Rule-set directory of both sides (default: the shipped rule sets).") String location,
			@Option(names = "--against-rules",
					description = "Rule-set directory of the right side, when it differs (e.g. a new edition being prepared).") String againstLocation) {
		Side leftSide = Side.parse(left, this.spec);
		Side rightSide = Side.parse(right, this.spec);
		return print(printer -> {
			RuleSetRepository leftRepository = RuleSetRepository.load(location);
			RuleSetRepository rightRepository = againstLocation == null ? leftRepository
					: RuleSetRepository.load(againstLocation);
			printer.diff(leftSide.rules(leftRepository), rightSide.rules(rightRepository));
		});
	}

	@Command(name = "provisional", mixinStandardHelpOptions = true,
			description = "List every value that is not confirmed (analog or placeholder), for every exercice or for one.")
	int provisional(@Option(names = "--exercice", description = "Only the values that apply to this exercice.") Integer exercice,
			@Mixin RuleSetOptions source) {
		return print(printer -> {
			if (exercice != null) {
				RuleSet ruleSet = source.rulesFor(exercice).ruleSet();
				printer.provisional(ruleSet.reference() + ", exercice " + exercice, RuleItems.at(ruleSet, exercice));
			}
			else {
				source.selected().forEach(r -> printer.provisional(r.reference(), RuleItems.of(r)));
			}
		});
	}

	/** One side of a diff: an exercice, and optionally the rule set to read it in. */
	private record Side(int exercice, Optional<String> reference) {

		static Side parse(String value, CommandSpec spec) {
			int colon = value.indexOf(':');
			String year = colon < 0 ? value : value.substring(0, colon);
			if (!year.matches("\\d{4}")) {
				throw new CommandLine.ParameterException(spec.commandLine().getSubcommands().get("diff"),
						"'" + value + "' is not EXERCICE or EXERCICE:ID@VERSION (e.g. 2023 or 2023:accord-2015@2026.1)");
			}
			return new Side(Integer.parseInt(year),
					colon < 0 ? Optional.empty() : Optional.of(value.substring(colon + 1)));
		}

		ExerciceRules rules(RuleSetRepository repository) {
			return repository.rulesFor(this.exercice, this.reference);
		}

	}

	/** Runs a printing action; a rule set that cannot be loaded or resolved ends with exit code 4. */
	private int print(Consumer<RuleSheetPrinter> action) {
		PrintWriter out = this.spec.commandLine().getOut();
		try {
			action.accept(new RuleSheetPrinter(out));
			out.flush();
			return ExitCode.OK.code();
		}
		catch (RuleSetException ex) {
			out.flush();
			PrintWriter err = this.spec.commandLine().getErr();
			err.println(ex.getMessage());
			err.flush();
			return ExitCode.RULES_REFUSED.code();
		}
	}

}
