package fr.cds.remuneration.rules;

/**
 * Which rules a run pays under: the rule-set location, the exercice and the rule set
 * ({@code id@version}). An interface here so that the catalog, below the jobs, needs no job type.
 */
public interface RuleSetChoice {

	int exercice();

	String ruleSet();

	String rulesLocation();

}
