package fr.cds.remuneration.impact;

import java.nio.file.Path;
import java.util.List;

import fr.cds.remuneration.rules.AmendedRuleSets;
import fr.cds.remuneration.rules.model.RuleSet;

/** A draft written as an amendment file over the base (values added, changed, ended: docs/rules.md). */
public final class AmendmentDraft implements DraftRules {

	@Override
	public RuleSet load(Path file, RuleSet base) {
		return AmendedRuleSets.apply(base, List.of(file));
	}

}
