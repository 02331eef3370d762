package fr.cds.remuneration.impact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.model.RuleSet;

/**
 * A draft file in either form: an amendment file (it has a top-level {@code amends:} key, as in a
 * rule-set directory) applied over the base, or else a full rule-set file.
 */
public final class DraftFiles implements DraftRules {

	private static final Pattern AMENDS = Pattern.compile("(?m)^amends\\s*:");

	private final DraftRules amendment = new AmendmentDraft();

	private final DraftRules fullRuleSet = new FullRuleSetDraft();

	@Override
	public RuleSet load(Path file, RuleSet base) {
		String content;
		try {
			content = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new RuleSetException(file.toString(), "fichier de projet illisible (" + ex.getMessage() + ")");
		}
		return (AMENDS.matcher(content).find() ? this.amendment : this.fullRuleSet).load(file, base);
	}

}
