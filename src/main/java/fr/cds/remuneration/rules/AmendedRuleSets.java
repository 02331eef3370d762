package fr.cds.remuneration.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.load.RuleProblem;
import fr.cds.remuneration.rules.load.Amendments;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.RuleSetLayer;

/**
 * The one entry point to amend a rule set with amendment files (an avenant written as the values it
 * adds, changes and ends: format in docs/rules.md). Used by the rule-set directories (an amendment
 * file next to its base gives a rule set of its own version) and by whoever evaluates an amendment
 * before it is installed.
 */
public final class AmendedRuleSets {

	private AmendedRuleSets() {
	}

	/**
	 * {@code base} with {@code amendmentFiles} applied in order (the first one amends {@code base},
	 * each next one the result of the previous one), validated as a rule-set file is.
	 *
	 * @return the merged rule set: its version is the last amendment's, its layers and checksum cover
	 * the base file and every amendment
	 * @throws RuleSetException listing every problem with its file, line, rule and reason (an unreadable
	 * file, a path that names nothing, a value without status, overlapping values, …)
	 */
	public static RuleSet apply(RuleSet base, List<Path> amendmentFiles) {
		List<RuleSetLayer> layers = new ArrayList<>();
		List<RuleProblem> problems = new ArrayList<>();
		for (Path file : amendmentFiles) {
			try {
				layers.add(new RuleSetLayer(file.toString(), Files.readAllBytes(file)));
			}
			catch (IOException ex) {
				problems.add(new RuleProblem(file.toString(), 0, "amends", "lecture impossible du fichier d'avenant : " + ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw new RuleSetException(problems);
		}
		return Amendments.apply(base, layers);
	}

}
