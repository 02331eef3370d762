package fr.cds.remuneration.rules;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The rule-set repositories in use, loaded (and validated) once per location and kept for the
 * life of the process: every step of a run resolves the same rules.
 */
@Component
public class RuleSetCatalog {

	private final Map<String, RuleSetRepository> repositories = new ConcurrentHashMap<>();

	public RuleSetRepository repository(String location) {
		return this.repositories.computeIfAbsent(location, RuleSetRepository::load);
	}

	public ExerciceRules rules(RuleSetChoice run) {
		return repository(run.rulesLocation()).rulesFor(run.exercice(), Optional.of(run.ruleSet()));
	}

}
