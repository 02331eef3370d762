package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.model.DeclaredAnswer;
import fr.cds.remuneration.rules.ExercicePayments;
import fr.cds.remuneration.rules.ExercicePlausibility;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.model.AnswerType;
import fr.cds.remuneration.rules.model.Resolved;

/**
 * The plausibility bounds of the exercice's rules applied to one centre's accepted inputs: each
 * value beyond a bound is a French reason to hold the centre (no payment) until the value is
 * checked. Pure, like the rest of the engine: the batch and the tests call the same code.
 */
public final class Plausibility {

	private Plausibility() {
	}

	/** Why the centre's inputs are not plausible; empty when they are within every bound. */
	public static List<String> problems(ExerciceRules rules, CentreInputs inputs) {
		ExercicePlausibility bounds = rules.plausibility();
		Centre centre = inputs.centre();
		List<String> problems = new ArrayList<>();
		bounds.ftePerProfession().ifPresent(max -> {
			for (Map.Entry<Profession, BigDecimal> fte : centre.staff().byProfession().entrySet()) {
				if (fte.getValue().compareTo(max.value()) > 0) {
					problems.add("centres.csv : " + FrenchFormat.compact(fte.getValue(), 2) + " ETP déclarés en "
							+ fte.getKey().column() + ", au-delà du plafond de vraisemblance de "
							+ FrenchFormat.compact(max.value(), 2) + " ETP par profession" + source(max)
							+ " ; vérifiez la valeur et corrigez-la si besoin");
				}
			}
		});
		bounds.earliestAdhesion()
			.filter(earliest -> centre.adhesion().isBefore(earliest.value()))
			.ifPresent(earliest -> problems.add("centres.csv : date d'adhésion " + centre.adhesion()
					+ " antérieure au " + FrenchFormat.date(earliest.value())
					+ ", date la plus ancienne vraisemblable" + source(earliest)
					+ " ; indiquez la date réelle d'adhésion à l'accord national"));
		bounds.actsPerFteDay().ifPresent(max -> actCounts(rules, inputs, max, problems));
		bounds.declaredCount().ifPresent(max -> indicatorCounts(rules, inputs, max, problems));
		return List.copyOf(problems);
	}

	/**
	 * A count of acts above {@code max} acts per health-professional FTE and per day of the exercice
	 * (every day counts, so the bound is generous): one FTE cannot perform them.
	 */
	private static void actCounts(ExerciceRules rules, CentreInputs inputs, Resolved<BigDecimal> max,
			List<String> problems) {
		BigDecimal fte = inputs.centre().staff().sum(rules.healthProfessions().value());
		int days = Year.of(rules.exercice()).length();
		BigDecimal limit = max.value().multiply(fte).multiply(BigDecimal.valueOf(days));
		for (ExercicePayments.ActSupplement supplement : rules.payments().actSupplements()) {
			Optional<Integer> count = inputs.declaration().answer(supplement.code()).flatMap(DeclaredAnswer::asNumber);
			if (count.isPresent() && BigDecimal.valueOf(count.get()).compareTo(limit) > 0) {
				problems.add("declarations.csv : " + FrenchFormat.integer(count.get()) + " actes déclarés pour "
						+ supplement.code() + ", au-delà du plafond de vraisemblance de "
						+ FrenchFormat.compact(max.value(), 2) + " actes par ETP de professionnel de santé et par jour"
						+ source(max) + " (" + FrenchFormat.compact(fte, 2) + " ETP × " + days + " jours = "
						+ FrenchFormat.compact(limit, 2) + " actes au plus) ; vérifiez le nombre d'actes déclaré");
			}
		}
	}

	/**
	 * A count declared for an indicator (protocols, trainings) above {@code max}: paid at the
	 * indicator's maximum it would look like a count that reaches it.
	 */
	private static void indicatorCounts(ExerciceRules rules, CentreInputs inputs, Resolved<Integer> max,
			List<String> problems) {
		for (ExerciceRules.ExerciceIndicator indicator : rules.indicators()) {
			if (indicator.rule().answer() != AnswerType.COUNT) {
				continue;
			}
			Optional<Integer> count = inputs.declaration().answer(indicator.code()).flatMap(DeclaredAnswer::asNumber);
			if (count.isPresent() && count.get() > max.value()) {
				problems.add("declarations.csv : " + FrenchFormat.integer(count.get()) + " déclaré pour "
						+ indicator.code() + ", au-delà du plafond de vraisemblance de " + max.value()
						+ source(max) + " ; vérifiez la valeur déclarée");
			}
		}
	}

	private static String source(Resolved<?> bound) {
		return " (" + bound.provenance().status().dataValue() + ", source "
				+ bound.provenance().sourceId() + ")";
	}

}
