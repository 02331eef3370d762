package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.model.DeclaredAnswer;
import fr.cds.remuneration.rules.ExercicePayments;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.Rounding;
import fr.cds.remuneration.rules.model.ValueStatus;
import fr.cds.remuneration.rules.model.WeeklyCap;

/**
 * The supplements paid per act on the counts the centre declared: each count is checked against
 * its cap (SAS: 20 acts per doctor FTE and per week the centre was open), the acts above it are
 * reported and not paid, and the acts counted are paid at the supplement's amount.
 */
final class ActSupplements {

	private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);

	private ActSupplements() {
	}

	/** The stream, or empty when no supplement applies to the centre's type in the exercice. */
	static Optional<StreamResult> compute(ExerciceRules rules, Centre centre, Declaration declaration,
			ProrataResult period) {
		List<ExercicePayments.ActSupplement> supplements = rules.payments()
			.actSupplements()
			.stream()
			.filter(s -> s.appliesTo(centre.type()))
			.toList();
		if (supplements.isEmpty()) {
			return Optional.empty();
		}
		Rounding rounding = rules.rounding().value();
		List<StreamLine> lines = new ArrayList<>();
		for (ExercicePayments.ActSupplement supplement : supplements) {
			lines.add(line(supplement, centre, declaration, period, rounding));
		}
		return Optional.of(StreamResult.of(PaymentStream.SUPPLEMENTS_ACTES, "Suppléments déclarés à l'acte", lines,
				List.of(), rounding.apply(BigDecimal.ZERO)));
	}

	private static StreamLine line(ExercicePayments.ActSupplement supplement, Centre centre, Declaration declaration,
			ProrataResult period, Rounding rounding) {
		var rule = supplement.rule();
		BigDecimal rate = supplement.euros().value();
		List<Provenance> provenances = new ArrayList<>(List.of(supplement.euros().provenance()));
		Optional<String> answer = declaration.answer(rule.code());
		long declared = answer.flatMap(DeclaredAnswer::asNumber).orElse(0);
		if (rule.eligibility() != null && !rule.eligibility().value().test(centre, declaration)) {
			provenances.add(rule.eligibility().provenance());
			return new StreamLine(rule.code(), rule.label(), "", "actes déclarés", BigDecimal.valueOf(declared), rate,
					acts(declared) + " déclaré(s)", rounding.apply(BigDecimal.ZERO),
					"condition non remplie : " + rule.eligibility().value().describe(), Provenance.weakestOf(provenances), provenances);
		}
		long counted = declared;
		String formula = acts(declared) + " × " + FrenchFormat.euros(rate);
		String note = answer.isEmpty() ? "aucun acte déclaré" : "";
		if (supplement.cap().isPresent()) {
			WeeklyCap cap = supplement.cap().get().value();
			BigDecimal fte = centre.staff().sum(cap.professions());
			long max = cap.perWeek()
				.multiply(fte)
				.multiply(BigDecimal.valueOf(period.daysOpen()))
				.divide(DAYS_PER_WEEK, 0, RoundingMode.FLOOR)
				.longValueExact();
			String capWords = "plafond " + FrenchFormat.integer(max) + " = " + FrenchFormat.compact(cap.perWeek(), 2)
					+ " par semaine × " + FrenchFormat.compact(fte, 2) + " ETP × " + period.daysOpen() + " jours / 7";
			if (declared > max) {
				counted = max;
				provenances.add(supplement.cap().get().provenance());
				formula = acts(counted) + " (" + FrenchFormat.integer(declared) + " déclarés, " + capWords + ") × "
						+ FrenchFormat.euros(rate);
				note = FrenchFormat.integer(declared - max) + " acte(s) au-delà du plafond, non payé(s)";
			}
			else {
				formula += " (" + capWords + ")";
			}
		}
		BigDecimal euros = rounding.apply(rate.multiply(BigDecimal.valueOf(counted)));
		return new StreamLine(rule.code(), rule.label(), "", "actes", BigDecimal.valueOf(counted), rate, formula, euros,
				note, Provenance.weakestOf(provenances), provenances);
	}

	private static String acts(long count) {
		return FrenchFormat.integer(count) + (count > 1 ? " actes" : " acte");
	}

}
