package fr.cds.remuneration.impact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.load.RuleSetParser;
import fr.cds.remuneration.rules.model.RuleSet;

/**
 * A draft written as a whole rule-set file (the base with the proposed values): parsed and
 * validated like any rule set. Its reference must differ from the base's, so that the report and a
 * later re-processing tell them apart.
 */
public final class FullRuleSetDraft implements DraftRules {

	@Override
	public RuleSet load(Path file, RuleSet base) {
		byte[] content;
		try {
			content = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new RuleSetException(file.toString(), "fichier de projet illisible (" + ex.getMessage() + ")");
		}
		RuleSet draft = new RuleSetParser().parse(file.toString(), content);
		if (draft.reference().equals(base.reference()) && !draft.sha256().equals(base.sha256())) {
			throw new RuleSetException(file.toString(), "le projet porte la même référence " + base.reference()
					+ " que les règles de base mais un contenu différent : donnez-lui sa propre version");
		}
		return draft;
	}

}
