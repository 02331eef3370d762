package fr.cds.remuneration.impact;

import java.nio.file.Path;

import fr.cds.remuneration.rules.model.RuleSet;

/**
 * Reads a draft (a proposed avenant) as the rule set it would make of the base: an amendment file
 * over the base ({@link AmendmentDraft}) or a full rule-set file ({@link FullRuleSetDraft}), told
 * apart by {@link DraftFiles}.
 */
@FunctionalInterface
public interface DraftRules {

	/**
	 * The rule set the draft proposes.
	 *
	 * @param file the draft's file
	 * @param base the rule set the draft is compared to (and amends)
	 * @throws fr.cds.remuneration.rules.load.RuleSetException when the file is not a valid draft
	 */
	RuleSet load(Path file, RuleSet base);

}
