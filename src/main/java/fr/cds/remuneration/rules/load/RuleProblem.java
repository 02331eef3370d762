package fr.cds.remuneration.rules.load;

/**
 * One problem found in a rule-set file: where (file and line), in which rule, and what is wrong.
 *
 * @param line 1-based line, or 0 for a problem of the file as a whole (then not printed)
 */
public record RuleProblem(String file, int line, String rule, String problem) {

	@Override
	public String toString() {
		return this.file + (this.line > 0 ? ":" + this.line : "") + ": [" + this.rule + "] " + this.problem;
	}

}
