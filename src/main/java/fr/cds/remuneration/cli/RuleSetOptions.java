package fr.cds.remuneration.cli;

import java.util.Optional;

import fr.cds.remuneration.rules.RuleSetRepository;
import picocli.CommandLine.Option;

/** The options that choose the rule set, shared by the commands that compute. */
public class RuleSetOptions {

	@Option(names = "--rules", defaultValue = RuleSetRepository.BUILT_IN,
			description = "Rule-set directory (default: the rule sets shipped with the application).")
	String rules;

	@Option(names = "--rule-set",
			description = "Rule set to apply, as id@version (default: the newest covering the exercice).")
	String ruleSet;

	String location() {
		return this.rules;
	}

	Optional<String> reference() {
		return Optional.ofNullable(this.ruleSet);
	}

}
