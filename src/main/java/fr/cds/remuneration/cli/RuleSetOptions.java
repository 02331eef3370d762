package fr.cds.remuneration.cli;

import java.util.List;
import java.util.Optional;

import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetException;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.RuleSet;
import picocli.CommandLine.Option;

/**
 * Where the rule sets are read from and which one to use: the options shared by {@code run} and
 * the {@code rules} subcommands, so that both read the rules the same way.
 */
class RuleSetOptions {

	@Option(names = "--rules", defaultValue = RuleSetRepository.BUILT_IN,
			description = "Rule-set directory (default: the rule sets shipped with the application).")
	String location;

	@Option(names = "--rule-set",
			description = "Rule set to apply, as id@version (default: the newest covering the exercice).")
	String reference;

	Optional<String> reference() {
		return Optional.ofNullable(this.reference);
	}

	RuleSetRepository repository() {
		return RuleSetRepository.load(this.location);
	}

	ExerciceRules rulesFor(int exercice) {
		return repository().rulesFor(exercice, reference());
	}

	/** The rule set named by {@code --rule-set}, or every rule set of the location. */
	List<RuleSet> selected() {
		List<RuleSet> all = repository().all();
		if (this.reference == null) {
			return all;
		}
		List<RuleSet> named = all.stream().filter(r -> r.reference().equals(this.reference)).toList();
		if (named.isEmpty()) {
			throw new RuleSetException(this.reference, "no rule set " + this.reference + " (available: "
					+ all.stream().map(RuleSet::reference).toList() + ")");
		}
		return named;
	}

}
