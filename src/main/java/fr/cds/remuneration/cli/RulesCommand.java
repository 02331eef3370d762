package fr.cds.remuneration.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.describe.RulesReport;
import fr.cds.remuneration.rules.model.RuleSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rules}: what the rule sets say, for operators, without running anything: the legal
 * texts, the rules of an exercice, the differences between two exercices or two versions, and the
 * values that are not confirmed. A rule set that fails validation is reported with its problems
 * (exit code 4), as a run would.
 */
@Component
@Command(name = "rules", mixinStandardHelpOptions = true,
		description = "Affiche les jeux de règles : textes, règles d'un exercice, différences, valeurs non confirmées.",
		subcommands = { RulesCommand.Texts.class, RulesCommand.Show.class, RulesCommand.Diff.class,
				RulesCommand.Provisional.class })
public class RulesCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	/** Runs a view; a refused rule set is an operator's error, not a crash. */
	abstract static class View implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Override
		public Integer call() {
			try {
				PrintWriter out = this.spec.commandLine().getOut();
				out.print(render());
				out.flush();
				return ExitCode.OK.code();
			}
			catch (RuleSetException ex) {
				PrintWriter err = this.spec.commandLine().getErr();
				err.println(ex.getMessage());
				err.flush();
				return ExitCode.RULES_REFUSED.code();
			}
		}

		abstract String render();

	}

	@Command(name = "texts", mixinStandardHelpOptions = true,
			description = "Liste les accords et avenants : dates de signature, d'approbation et de publication, premier exercice.")
	static class Texts extends View {

		@Mixin
		RuleSetOptions options;

		@Override
		String render() {
			return RulesReport.texts(this.options.repository().all());
		}

	}

	@Command(name = "show", mixinStandardHelpOptions = true,
			description = "Les règles d'un exercice : chaque indicateur, du socle ou non, ses valeurs avec statut, source et texte.")
	static class Show extends View {

		@Mixin
		RuleSetOptions options;

		@Option(names = "--exercice", required = true, description = "Année d'activité N.")
		int exercice;

		@Override
		String render() {
			return RulesReport.exercice(this.options.rulesFor(this.exercice));
		}

	}

	@Command(name = "diff", mixinStandardHelpOptions = true,
			description = { "Ce qui change entre les règles de deux exercices, ou de deux versions des règles pour un exercice.",
					"Exemple : rules diff --exercice 2022 --against-exercice 2023" })
	static class Diff extends View {

		@Mixin
		RuleSetOptions options;

		@Option(names = "--exercice", required = true, description = "Exercice du premier côté.")
		int exercice;

		@Option(names = "--against-exercice", description = "Exercice du second côté (par défaut : le même).")
		Integer againstExercice;

		@Option(names = "--against-rules",
				description = "Répertoire des règles du second côté (par défaut : celui du premier).")
		String againstRules;

		@Option(names = "--against-rule-set", description = "Jeu de règles du second côté, sous la forme id@version.")
		String againstRuleSet;

		@Override
		String render() {
			RuleSetOptions against = new RuleSetOptions();
			against.rules = this.againstRules != null ? this.againstRules : this.options.rules;
			against.ruleSet = this.againstRuleSet;
			return RulesReport.diff(this.options.rulesFor(this.exercice),
					against.rulesFor(this.againstExercice != null ? this.againstExercice : this.exercice));
		}

	}

	@Command(name = "provisional", mixinStandardHelpOptions = true,
			description = "Chaque valeur non confirmée (analog ou placeholder), avec les exercices où elle s'applique.")
	static class Provisional extends View {

		@Mixin
		RuleSetOptions options;

		@Option(names = "--exercice", description = "Seulement les valeurs qui s'appliquent à cet exercice.")
		Integer exercice;

		@Override
		String render() {
			if (this.exercice != null) {
				ExerciceRules rules = this.options.rulesFor(this.exercice);
				return RulesReport.provisional(rules.ruleSet(), this.exercice);
			}
			StringBuilder out = new StringBuilder();
			for (RuleSet ruleSet : this.options.repository().all()) {
				if (this.options.ruleSet == null || this.options.ruleSet.equals(ruleSet.reference())) {
					out.append(RulesReport.provisional(ruleSet, null)).append('\n');
				}
			}
			return out.toString();
		}

	}

}
