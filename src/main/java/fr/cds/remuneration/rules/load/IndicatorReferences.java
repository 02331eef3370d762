package fr.cds.remuneration.rules.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.IndicatorRule;

/**
 * The cross-check of a file's conditions against its indicators: the indicators named by
 * conditions are collected while the file is read, and checked once every indicator is known.
 */
final class IndicatorReferences {

	/**
	 * A condition of {@code owner} that names {@code indicator}, at {@code line}, in a rule that
	 * applies {@code applies}.
	 */
	private record IndicatorReference(String owner, String indicator, int line, ExercicePeriod applies) {
	}

	private final List<IndicatorReference> references = new ArrayList<>();

	void add(String owner, String indicator, int line, ExercicePeriod applies) {
		this.references.add(new IndicatorReference(owner, indicator, line, applies));
	}

	/**
	 * Every indicator named by a condition exists, and is in force wherever the condition
	 * applies: a condition on an indicator not in force could never be met, so the rule would
	 * silently never pay. An indicator of the file that was refused ({@code declaredCodes} but not
	 * {@code indicators}) is already reported: it is not also "unknown".
	 */
	void check(List<IndicatorRule> indicators, Set<String> declaredCodes, ExercicePeriod exercices,
			RuleProblems problems) {
		Map<String, IndicatorRule> defined = new HashMap<>();
		indicators.forEach(i -> defined.put(i.code(), i));
		for (IndicatorReference reference : this.references) {
			IndicatorRule named = defined.get(reference.indicator());
			if (named == null) {
				if (!declaredCodes.contains(reference.indicator())) {
					problems.add(reference.line(), reference.owner(),
							"indicateur inconnu '" + reference.indicator() + "' dans une condition");
				}
				continue;
			}
			ExercicePeriod inForce = named.validity().within(exercices);
			if (!inForce.covers(reference.applies())) {
				problems.add(reference.line(), reference.owner(), "condition sur " + reference.indicator()
						+ ", en vigueur en " + inForce + " seulement, dans une règle qui s'applique en " + reference.applies());
			}
		}
	}

}
