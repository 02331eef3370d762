package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceComponent;
import fr.cds.remuneration.rules.model.ComponentRule;
import fr.cds.remuneration.rules.model.ComponentValue;
import fr.cds.remuneration.rules.model.PatientBase;

/**
 * Computes one component for one centre and says how, in French: the formula printed on the
 * statement is built from the same numbers as the amount, so the two cannot disagree.
 */
final class ComponentEvaluator {

	private ComponentEvaluator() {
	}

	/** @param quantity the declared level or count (1 for a yes, or an automatic indicator) */
	static ComponentLine evaluate(ExerciceComponent component, CentreFacts facts, int quantity) {
		ComponentRule rule = component.rule();
		String unit = facts.unit().symbol();
		ComponentValue value = component.value().value();
		if (value instanceof ComponentValue.Fixed fixed) {
			return fixed(component, fixed, quantity, unit, facts);
		}
		if (value instanceof ComponentValue.Levels levels) {
			return levels(component, levels, quantity, unit, facts);
		}
		if (value instanceof ComponentValue.PerPatient perPatient) {
			PatientBase base = rule.base();
			BigDecimal patients = BigDecimal.valueOf(facts.patientCount(base));
			TieredRate tiered = TieredRate.of(perPatient.tiers(), patients, perPatient.reference(), unit, base.label());
			BigDecimal amount = tiered.amount();
			String formula = tiered.formula();
			if (perPatient.maxItems() != null) {
				int items = Math.min(quantity, perPatient.maxItems());
				amount = amount.multiply(BigDecimal.valueOf(items));
				formula = "(" + formula + ") × " + items + cappedNote(quantity, perPatient.maxItems());
			}
			return new ComponentLine(rule.kind(), rule.label(), base.label(), patients, formula,
					new Amount(amount, facts.unit()), true, base == PatientBase.PATIENTS, component.value().provenance());
		}
		ComponentValue.PerProfessional perProfessional = (ComponentValue.PerProfessional) value;
		BigDecimal fte = facts.fte(rule.professions());
		TieredRate tiered = TieredRate.of(perProfessional.tiers(), fte, BigDecimal.ONE, unit, "ETP");
		return new ComponentLine(rule.kind(), rule.label(), "ETP", fte, tiered.formula(),
				new Amount(tiered.amount(), facts.unit()), true, false, component.value().provenance());
	}

	private static ComponentLine fixed(ExerciceComponent component, ComponentValue.Fixed fixed, int quantity,
			String unit, CentreFacts facts) {
		ComponentRule rule = component.rule();
		if (fixed.maxItems() == null) {
			return new ComponentLine(rule.kind(), rule.label(), null, null, number(fixed.amount()) + " " + unit,
					new Amount(fixed.amount(), facts.unit()), false, false, component.value().provenance());
		}
		int items = Math.min(quantity, fixed.maxItems());
		String formula = number(fixed.amount()) + " " + unit + " × " + items + cappedNote(quantity, fixed.maxItems());
		return new ComponentLine(rule.kind(), rule.label(), "éléments déclarés", BigDecimal.valueOf(quantity), formula,
				new Amount(fixed.amount().multiply(BigDecimal.valueOf(items)), facts.unit()), false, false,
				component.value().provenance());
	}

	private static ComponentLine levels(ExerciceComponent component, ComponentValue.Levels levels, int quantity,
			String unit, CentreFacts facts) {
		ComponentRule rule = component.rule();
		int level = Math.min(quantity, levels.amounts().size());
		BigDecimal amount = BigDecimal.ZERO;
		List<String> parts = new ArrayList<>();
		if (level > 0) {
			if (levels.cumulative()) {
				for (int i = 0; i < level; i++) {
					amount = amount.add(levels.amounts().get(i));
					parts.add(number(levels.amounts().get(i)));
				}
			}
			else {
				amount = levels.amounts().get(level - 1);
				parts.add(number(amount));
			}
		}
		String formula = "niveau " + level + cappedNote(quantity, levels.amounts().size()) + " : "
				+ (parts.isEmpty() ? "0" : String.join(" + ", parts)) + " " + unit;
		return new ComponentLine(rule.kind(), rule.label(), "niveau déclaré", BigDecimal.valueOf(quantity), formula,
				new Amount(amount, facts.unit()), false, false, component.value().provenance());
	}

	private static String cappedNote(int declared, int max) {
		return declared > max ? " (" + declared + " déclarés, plafonné à " + max + ")" : "";
	}

	private static String number(BigDecimal value) {
		return FrenchFormat.compact(value, 4);
	}

}
