package fr.cds.remuneration.cli;

import java.util.Optional;

import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;
import picocli.CommandLine.Option;

/** The options that say where the rule sets are read from and which one to use (a picocli mixin). */
public class RuleSetOptions {

	@Option(names = "--rules", defaultValue = RuleSetRepository.BUILT_IN,
			description = "Répertoire des jeux de règles (par défaut : ceux livrés avec l'application).")
	String rules;

	@Option(names = "--rule-set",
			description = "Jeu de règles à appliquer, sous la forme id@version (par défaut : le plus récent qui couvre l'exercice).")
	String ruleSet;

	Optional<String> ruleSet() {
		return Optional.ofNullable(this.ruleSet);
	}

	RuleSetRepository repository() {
		return RuleSetRepository.load(this.rules);
	}

	ExerciceRules rulesFor(int exercice) {
		return repository().rulesFor(exercice, ruleSet());
	}

}
