package fr.cds.remuneration.rules.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.rules.ExercicePayments;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules command describes an exercice from the rule data filtered by exercice; what it shows
 * must be what the engine resolves for that exercice, for the forfait's indicators and for the
 * payments outside the forfait.
 */
class RuleEntriesTest {

	@Test
	void theEntriesOfAnExerciceAreTheIndicatorsAndComponentsTheEngineResolves() {
		RuleSetRepository repository = RuleSetRepository.load(RuleSetRepository.BUILT_IN);
		for (int exercice = 2016; exercice <= 2027; exercice++) {
			ExerciceRules rules = repository.rulesFor(exercice, Optional.empty());
			RuleSet ruleSet = rules.ruleSet();
			List<RuleEntry> entries = RuleEntries.at(RuleEntries.of(ruleSet), exercice);

			List<String> indicators = rules.indicators().stream().map(ExerciceRules.ExerciceIndicator::code).toList();
			ExercicePayments payments = rules.payments();
			List<String> paymentCodes = new ArrayList<>();
			payments.medecinTraitant().ifPresent(m -> paymentCodes.add(m.rule().code()));
			payments.actSupplements().forEach(s -> paymentCodes.add(s.code()));
			payments.contractAids().forEach(a -> paymentCodes.add(a.rule().code()));
			List<String> described = entries.stream()
				.filter(e -> e.item().equals("définition"))
				.map(RuleEntry::subject)
				.toList();
			List<String> expected = new ArrayList<>(indicators);
			expected.addAll(paymentCodes);
			assertThat(described).as("indicators and payments of " + exercice).containsExactlyElementsOf(expected);
			long valueEntries = entries.stream()
				.filter(e -> indicators.contains(e.subject()))
				.filter(e -> !List.of("définition", "socle", "minimum déclaré", "éligibilité", "continue").contains(e.item()))
				.filter(e -> !e.item().endsWith("— condition") && !e.item().startsWith("neutralisation"))
				.count();
			long resolvedComponents = rules.indicators().stream().mapToLong(i -> i.components().size()).sum();
			assertThat(valueEntries).as("component values of " + exercice).isEqualTo(resolvedComponents);
			long paymentValues = entries.stream()
				.filter(e -> paymentCodes.contains(e.subject()))
				.filter(e -> !List.of("définition", "éligibilité").contains(e.item()))
				.count();
			long resolvedPayments = payments.medecinTraitant()
				.map(m -> (long) m.categories().size() + m.supplements().size() + (m.precarity().isPresent() ? 1 : 0))
				.orElse(0L)
					+ payments.actSupplements().stream().mapToLong(s -> 1 + (s.cap().isPresent() ? 1 : 0)).sum()
					+ payments.contractAids()
						.stream()
						.mapToLong(a -> 1 + (a.fteRatio().isPresent() ? 1 : 0) + (a.maxContracts().isPresent() ? 1 : 0)
								+ (a.maintenance().isPresent() ? 1 : 0))
						.sum();
			assertThat(paymentValues).as("payment values of " + exercice).isEqualTo(resolvedPayments);
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
