package fr.cds.remuneration.rules;

/**
 * One problem found in a rule-set file: where (file and line), in which rule, and what is wrong.
 */
public record RuleProblem(String file, int line, String rule, String problem) {

	@Override
	public String toString() {
		return this.file + ":" + this.line + ": [" + this.rule + "] " + this.problem;
	}

}
