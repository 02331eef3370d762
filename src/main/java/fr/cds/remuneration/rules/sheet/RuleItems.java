package fr.cds.remuneration.rules.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.cds.remuneration.rules.model.ComponentRule;
import fr.cds.remuneration.rules.model.Condition;
import fr.cds.remuneration.rules.model.Dated;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.Neutralisation;
import fr.cds.remuneration.rules.model.Parameters;
import fr.cds.remuneration.rules.model.ProrataMethod;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * Every value of a rule set as a flat list of {@link RuleItem}s, in file order: the parameters,
 * then each indicator (its shape, socle, minimum, eligibility and components), then the national
 * neutralisations. What the {@code rules} command shows, compares and lists comes from here.
 */
public final class RuleItems {

	private RuleItems() {
	}

	/** Every item of the rule set, over all its exercices. */
	public static List<RuleItem> of(RuleSet ruleSet) {
		return new Collector(ruleSet).collect();
	}

	/** The items that apply to {@code exercice}: the rules of that exercice. */
	public static List<RuleItem> at(RuleSet ruleSet, int exercice) {
		return of(ruleSet).stream().filter(item -> item.period().contains(exercice)).toList();
	}

	/** The items whose value is not confirmed (analog or placeholder). */
	public static List<RuleItem> provisional(List<RuleItem> items) {
		return items.stream().filter(RuleItem::isProvisional).toList();
	}

	/** Counts per status of the values among {@code items} (the shape of indicators is not a value). */
	public static Map<ValueStatus, Long> countByStatus(List<RuleItem> items) {
		Map<ValueStatus, Long> counts = new EnumMap<>(ValueStatus.class);
		items.stream()
			.filter(item -> item.provenance() != null)
			.forEach(item -> counts.merge(item.provenance().status(), 1L, Long::sum));
		return counts;
	}

	private static final class Collector {

		private final RuleSet ruleSet;

		private final List<RuleItem> items = new ArrayList<>();

		Collector(RuleSet ruleSet) {
			this.ruleSet = ruleSet;
		}

		List<RuleItem> collect() {
			Parameters p = this.ruleSet.parameters();
			parameter("point_value_eur", p.pointValueEur(), v -> ValueWording.number(v) + " €");
			parameter("rounding", p.rounding(), ValueWording::rounding);
			parameter("patient_base", p.patientBase(), ValueWording::patientBase);
			parameter("health_professions", p.healthProfessions(), ValueWording::professions);
			parameter("uplift_cap", p.upliftCap(), ValueWording::number);
			parameter("national_c2s_rate", p.nationalC2sRate(), ValueWording::number);
			parameter("national_ame_rate", p.nationalAmeRate(), ValueWording::number);
			parameter("prorata", p.prorata(), ProrataMethod::dataValue);
			parameter("new_centre_declaration", p.newCentreDeclaration(), code -> code);
			this.ruleSet.indicators().forEach(this::indicator);
			for (Neutralisation n : this.ruleSet.neutralisations()) {
				this.items.add(new RuleItem(n.indicator(), "neutralisation",
						new ExercicePeriod(n.exercice(), n.exercice()), n.effect().dataValue() + ": " + n.reason(),
						n.provenance()));
			}
			return List.copyOf(this.items);
		}

		private <T> void parameter(String name, Timeline<T> timeline, Function<T, String> wording) {
			dated(null, name, timeline, wording);
		}

		private void indicator(IndicatorRule indicator) {
			String code = indicator.code();
			ExercicePeriod validity = bounded(indicator.validity());
			String shape = indicator.label() + "; types " + ValueWording.types(indicator.types()) + "; answer "
					+ indicator.answer().dataValue()
					+ (indicator.maxLevel() == null ? "" : " (levels 1-" + indicator.maxLevel() + ")")
					+ (indicator.gateOnly() ? "; gate only (pays nothing)" : "") + "; text " + indicator.textId();
			this.items.add(new RuleItem(code, RuleItem.IN_FORCE, validity, shape, null));
			dated(code, "socle", indicator.socle(), socle -> socle ? "yes" : "no");
			dated(code, "minimum", indicator.minimum(), String::valueOf);
			condition(code, "eligibility", indicator.eligibility(), validity);
			Map<String, Integer> seen = new HashMap<>();
			for (ComponentRule component : indicator.components()) {
				String part = componentPart(indicator, component);
				int occurrence = seen.merge(part, 1, Integer::sum);
				String unique = occurrence == 1 ? part : part + " #" + occurrence;
				condition(code, unique + " condition", component.condition(), bounded(component.validity()));
				dated(code, unique, component.values(),
						value -> ValueWording.component(component, value, this.ruleSet.unit()));
			}
		}

		private void condition(String code, String part, Resolved<Condition> condition, ExercicePeriod period) {
			if (condition != null) {
				this.items.add(new RuleItem(code, part, period, condition.value().describe(), condition.provenance()));
			}
		}

		private <T> void dated(String code, String part, Timeline<T> timeline, Function<T, String> wording) {
			for (Dated<T> entry : timeline.entries()) {
				this.items.add(new RuleItem(code, part, bounded(entry.period()), wording.apply(entry.value()),
						entry.provenance()));
			}
		}

		/** {@code fixed «stages 1 à 4»}, with the types when they narrow the indicator's. */
		private static String componentPart(IndicatorRule indicator, ComponentRule component) {
			String part = component.kind().dataValue();
			if (component.label() != null) {
				part += " «" + component.label() + "»";
			}
			if (!component.types().equals(indicator.types())) {
				part += " [" + ValueWording.types(component.types()) + "]";
			}
			return part;
		}

		private ExercicePeriod bounded(ExercicePeriod period) {
			return period.within(this.ruleSet.exercices());
		}

	}

}
