package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.model.ProrataMethod;
import fr.cds.remuneration.rules.model.Rounding;
import fr.cds.remuneration.rules.model.Unit;

/**
 * The one conversion of an indicator line to euros and the same conversion written out for the
 * statement: {@code 800 pts × 7,00 € × 184/366 = 2 815,30 €},
 * {@code (1 000 pts + 1 700 pts × 317 patients / 4 000) × 7,00 € = 7 943,08 €}. Both come from the same numbers in
 * the same method, so the printed arithmetic cannot disagree with the amount paid.
 *
 * @param euros the line's euros, rounded once
 * @param text the arithmetic in French, ending with {@code = euros}; empty for a line with no part
 */
public record LineArithmetic(BigDecimal euros, String text) {

	/**
	 * @param upliftRate the precarity uplift rate applied to {@code uplifted} parts, or {@code null}
	 * @param uplifted for each component, whether the uplift applies to it
	 */
	static LineArithmetic of(List<ComponentLine> components, List<Boolean> uplifted, BigDecimal upliftRate,
			Amount total, Unit unit, BigDecimal pointValueEur, ProrataResult prorata, Rounding rounding) {
		BigDecimal exact = total.value();
		if (unit == Unit.POINTS) {
			exact = exact.multiply(pointValueEur);
		}
		boolean prorated = prorata.method() != ProrataMethod.NONE;
		BigDecimal euros = prorated
				? exact.multiply(BigDecimal.valueOf(prorata.daysOpen()))
					.divide(BigDecimal.valueOf(prorata.daysInExercice()), rounding.scale(), rounding.mode())
				: rounding.apply(exact);
		if (components.isEmpty()) {
			return new LineArithmetic(euros, "");
		}
		String amount = amount(components, uplifted, upliftRate);
		boolean multiplied = unit == Unit.POINTS || prorated && prorata.daysOpen() != prorata.daysInExercice();
		StringBuilder text = new StringBuilder(multiplied && amount.contains(" + ") ? "(" + amount + ")" : amount);
		if (unit == Unit.POINTS) {
			text.append(" × ").append(FrenchFormat.euros(pointValueEur));
		}
		if (prorated && prorata.daysOpen() != prorata.daysInExercice()) {
			text.append(" × ").append(prorata.daysOpen()).append('/').append(prorata.daysInExercice());
		}
		text.append(" = ").append(FrenchFormat.euros(euros));
		return new LineArithmetic(euros, text.toString());
	}

	/**
	 * The line's amount in the rule set's unit, as the sum of its parts written by the engine, the
	 * uplifted ones multiplied by {@code (1 + rate)}.
	 */
	private static String amount(List<ComponentLine> components, List<Boolean> uplifted, BigDecimal upliftRate) {
		boolean uplift = upliftRate != null && upliftRate.signum() > 0;
		List<String> plain = new ArrayList<>();
		List<String> raised = new ArrayList<>();
		for (int i = 0; i < components.size(); i++) {
			String formula = components.get(i).formula();
			(uplift && uplifted.get(i) ? raised : plain).add(formula);
		}
		List<String> terms = new ArrayList<>(plain);
		if (!raised.isEmpty()) {
			String inner = String.join(" + ", raised);
			boolean compound = raised.size() > 1 || inner.contains(" + ");
			terms.add((compound ? "(" + inner + ")" : inner) + " × (1 + " + FrenchFormat.percent(upliftRate) + ")");
		}
		return String.join(" + ", terms);
	}

}
