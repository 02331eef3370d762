package fr.cds.remuneration.calculette;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.rules.model.DeclaredAnswer;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceIndicator;
import fr.cds.remuneration.rules.model.AnswerType;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * Carries a centre's answers from one exercice to the next, for the comparison of the two. An
 * indicator of the next exercice takes the answer of the indicator it continues: itself when its
 * code is unchanged, or those its rule data names ({@code continues}, e.g. the 2025 accord's
 * opening hours continue the 2015 ones). The answer is translated between answer types by what it
 * means — met or not, and how far: a yes becomes the smallest level or count that meets, a level
 * or count becomes yes when it met the old indicator, a number stays the number (within the new
 * maximum level). A new indicator, which continues nothing, is left unanswered (not met), except
 * in the socle: a new socle indicator has no previous answer to go by, and left unmet it would make
 * the whole comparison 0 €, so it is assumed met, and the page says so. An indicator whose
 * predecessor was not answered stays unanswered.
 */
final class AnswerCarryOver {

	private AnswerCarryOver() {
	}

	/**
	 * How one indicator of the next exercice got its answer.
	 *
	 * @param from codes of the indicators it continues, empty for a new indicator
	 * @param answer the answer carried, or {@code null} when none
	 * @param assumed whether the answer is assumed (a new socle indicator), not carried
	 * @param provisional whether the correspondence rests on a reading that is not confirmed
	 */
	record Carried(String code, List<String> from, String answer, boolean assumed, boolean provisional) {
	}

	/** The answers of the next exercice and how each was carried, in the order of its rules. */
	record CarriedAnswers(Map<String, String> answers, List<Carried> carried) {
	}

	static CarriedAnswers carry(ExerciceRules from, ExerciceRules to, CentreType type, Map<String, String> answers) {
		Map<String, ExerciceIndicator> previous = new HashMap<>();
		from.indicators().stream().filter(i -> i.appliesTo(type)).forEach(i -> previous.put(i.code(), i));
		Map<String, String> carriedAnswers = new HashMap<>();
		List<Carried> carried = new ArrayList<>();
		for (ExerciceIndicator indicator : to.indicators()) {
			if (!indicator.appliesTo(type) || indicator.rule().answer() == AnswerType.AUTOMATIC) {
				continue;
			}
			Resolved<List<String>> continues = indicator.rule().continues();
			List<String> codes = (continues != null ? continues.value() : List.of(indicator.code()))
				.stream()
				.filter(previous::containsKey)
				.toList();
			String answer = codes.stream()
				.map(code -> translate(previous.get(code), answers.get(code), indicator))
				.flatMap(Optional::stream)
				.max(AnswerCarryOver::compareAnswers)
				.orElse(null);
			boolean assumed = codes.isEmpty() && indicator.isSocle();
			if (assumed) {
				answer = WhatIfs.minimumAnswer(indicator);
			}
			if (answer != null) {
				carriedAnswers.put(indicator.code(), answer);
			}
			boolean provisional = continues != null && continues.status() != ValueStatus.CONFIRMED;
			carried.add(new Carried(indicator.code(), codes, answer, assumed, provisional));
		}
		// the new-centre derogation is asked under the same code by both accords
		to.newCentreDeclaration()
			.map(code -> code.value())
			.filter(code -> answers.containsKey(code))
			.ifPresent(code -> carriedAnswers.put(code, answers.get(code)));
		return new CarriedAnswers(carriedAnswers, List.copyOf(carried));
	}

	/** The previous answer as an answer to {@code next}, by what it means. */
	private static Optional<String> translate(ExerciceIndicator previous, String answer, ExerciceIndicator next) {
		if (answer == null) {
			return Optional.empty();
		}
		Optional<Integer> quantity = DeclaredAnswer.asQuantity(previous.rule().answer(), answer);
		if (quantity.isEmpty()) {
			return Optional.empty();
		}
		boolean met = quantity.get() >= previous.minimumValue();
		AnswerType from = previous.rule().answer();
		return Optional.of(switch (next.rule().answer()) {
			case YES_NO -> met ? "oui" : "non";
			case LEVEL -> String.valueOf(from == AnswerType.YES_NO ? (met ? next.minimumValue() : 0)
					: Math.min(quantity.get(), next.rule().maxLevel()));
			default -> String.valueOf(from == AnswerType.YES_NO ? (met ? next.minimumValue() : 0) : quantity.get());
		});
	}

	/** Orders answers of one indicator: a yes above a no, a larger number above a smaller one. */
	private static int compareAnswers(String a, String b) {
		return Integer.compare(rank(a), rank(b));
	}

	private static int rank(String answer) {
		return DeclaredAnswer.asYesNo(answer).map(yes -> yes ? 1 : 0)
			.orElseGet(() -> DeclaredAnswer.asNumber(answer).orElse(0));
	}

}
