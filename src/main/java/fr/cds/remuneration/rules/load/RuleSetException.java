package fr.cds.remuneration.rules.load;

import java.util.List;
import java.util.stream.Collectors;

/** A rule-set file that cannot be used: the run stops before any computation. */
public class RuleSetException extends RuntimeException {

	private final List<RuleProblem> problems;

	public RuleSetException(List<RuleProblem> problems) {
		super("Jeu de règles refusé (" + problems.size() + " problème" + (problems.size() > 1 ? "s" : "") + ") :\n  "
				+ problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
		this.problems = List.copyOf(problems);
	}

	public RuleSetException(String file, String problem) {
		this(List.of(new RuleProblem(file, 0, "ruleset", problem)));
	}

	public List<RuleProblem> problems() {
		return this.problems;
	}

}
