package fr.cds.remuneration.rules.describe;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules command describes an exercice from the rule data filtered by exercice; what it shows
 * must be what the engine resolves for that exercice.
 */
class RuleEntriesTest {

	@Test
	void theEntriesOfAnExerciceAreTheIndicatorsAndComponentsTheEngineResolves() {
		RuleSetRepository repository = RuleSetRepository.load(RuleSetRepository.BUILT_IN);
		for (int exercice = 2016; exercice <= 2027; exercice++) {
			ExerciceRules rules = repository.rulesFor(exercice, Optional.empty());
			RuleSet ruleSet = rules.ruleSet();
			List<RuleEntry> entries = RuleEntries.at(RuleEntries.of(ruleSet), exercice);

			List<String> described = entries.stream()
				.filter(e -> e.item().equals("définition"))
				.map(RuleEntry::subject)
				.toList();
			assertThat(described).as("indicators of " + exercice)
				.containsExactlyElementsOf(rules.indicators().stream().map(ExerciceRules.ExerciceIndicator::code).toList());
			long valueEntries = entries.stream()
				.filter(e -> !e.subject().equals(RuleEntry.TEXTS) && !e.subject().equals(RuleEntry.PARAMETERS))
				.filter(e -> !List.of("définition", "socle", "minimum déclaré", "éligibilité", "continue").contains(e.item()))
				.filter(e -> !e.item().endsWith("— condition") && !e.item().startsWith("neutralisation"))
				.count();
			long resolvedComponents = rules.indicators().stream().mapToLong(i -> i.components().size()).sum();
			assertThat(valueEntries).as("component values of " + exercice).isEqualTo(resolvedComponents);
			assertThat(entries.stream().filter(e -> e.item().equals("continue")).map(RuleEntry::subject))
				.as("indicators continuing others in " + exercice)
				.containsExactlyElementsOf(rules.indicators()
					.stream()
					.filter(i -> i.rule().continues() != null)
					.map(ExerciceRules.ExerciceIndicator::code)
					.toList());
		}
	}

}
