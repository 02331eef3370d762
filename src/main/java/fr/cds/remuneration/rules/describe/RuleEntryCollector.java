package fr.cds.remuneration.rules.describe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.model.Dated;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.Timeline;

/**
 * The entries of one rule set as its walks ({@link RuleEntries}, {@link PaymentRuleEntries}) add
 * them, each value within the rule set's exercices, with the wording they share.
 */
final class RuleEntryCollector {

	final RuleSet ruleSet;

	private final List<RuleEntry> entries = new ArrayList<>();

	RuleEntryCollector(RuleSet ruleSet) {
		this.ruleSet = ruleSet;
	}

	List<RuleEntry> entries() {
		return List.copyOf(this.entries);
	}

	/** The definition of a rule: what it is, over {@code validity}, citing its text. */
	void define(String subject, ExercicePeriod validity, String what, String textId) {
		this.entries.add(new RuleEntry(subject, "définition", validity, what, null, null, textId));
	}

	/** One entry per dated value of {@code timeline} that overlaps {@code owner}, within it. */
	static String euros(BigDecimal value) {
		return number(value) + " €";
	}

	<T> void dated(String subject, String item, Timeline<T> timeline, Function<T, String> describe,
			ExercicePeriod owner) {
		for (Dated<T> dated : timeline.entries()) {
			if (dated.period().overlaps(owner)) {
				add(subject, item, dated.period().within(owner), describe.apply(dated.value()), dated.provenance());
			}
		}
	}

	void add(String subject, String item, ExercicePeriod period, String value, Provenance provenance) {
		this.entries.add(new RuleEntry(subject, item, period.within(this.ruleSet.exercices()), value,
				provenance.status(), provenance.sourceId(), provenance.textId()));
	}

	// ------------------------------------------------------------------------- wording

	static String professions(Set<Profession> professions) {
		return professions.stream().map(Profession::name).collect(Collectors.joining(", "));
	}

	static String types(Set<CentreType> types) {
		return types.stream().map(CentreType::code).collect(Collectors.joining(" "));
	}

	static String percent(BigDecimal rate) {
		return FrenchFormat.percent(rate);
	}

	static String number(BigDecimal value) {
		return FrenchFormat.compact(value, 4);
	}

}
