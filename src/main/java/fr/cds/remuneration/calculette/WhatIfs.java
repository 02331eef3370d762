package fr.cds.remuneration.calculette;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.IndicatorLine;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.engine.Verdict;
import fr.cds.remuneration.output.Marks;
import fr.cds.remuneration.rules.model.DeclaredAnswer;
import fr.cds.remuneration.rules.model.ValueStatus;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceIndicator;
import fr.cds.remuneration.rules.model.AnswerType;

/**
 * What the centre would earn by committing to more, computed by the engine and not guessed: the
 * same centre is computed again with one more commitment, and the difference of the two totals is
 * what the commitment adds (so an uplift, a pro-rata or an indicator that a level unlocks are
 * taken into account). For each optional indicator not met, the commitment is meeting it at its
 * minimum; for a level or a count already met, one more. When the socle fails, the first line is
 * what meeting it brings, and the others are counted with the socle met.
 */
final class WhatIfs {

	private WhatIfs() {
	}

	/**
	 * One possible commitment and what it adds to the total.
	 *
	 * @param status the weakest status of the values of the amounts that change: a provisional one is
	 * marked as the statement marks it ({@code *} ACI reference, {@code †} not published)
	 */
	record WhatIf(String commitment, BigDecimal addedEuros, ValueStatus status) {

		public boolean provisional() {
			return this.status.isProvisional();
		}

		public String mark() {
			return Marks.symbol(this.status);
		}

	}

	static List<WhatIf> of(ExerciceRules rules, CentreInputs inputs, CentreResult result) {
		Map<String, ExerciceIndicator> indicators = new HashMap<>();
		rules.indicators().forEach(i -> indicators.put(i.code(), i));
		List<WhatIf> whatIfs = new ArrayList<>();
		CentreInputs base = inputs;
		CentreResult baseResult = result;
		String suffix = "";
		if (!result.socle().met()) {
			Map<String, String> socle = new HashMap<>();
			result.socle().failed().forEach(code -> socle.put(code, minimumAnswer(indicators.get(code))));
			base = with(inputs, socle);
			baseResult = compute(rules, base);
			// the commitments by their names, as the statement gives them
			String failed = result.lines()
				.stream()
				.filter(l -> result.socle().failed().contains(l.code()))
				.map(l -> "« " + l.label() + " »")
				.collect(java.util.stream.Collectors.joining(", "));
			whatIfs.add(new WhatIf("Atteindre le socle (" + failed + ")",
					baseResult.totalEuros().subtract(result.totalEuros()), provisionalChange(result, baseResult)));
			suffix = ", une fois le socle atteint";
		}
		for (IndicatorLine line : baseResult.lines()) {
			ExerciceIndicator indicator = indicators.get(line.code());
			Optional<String> more = more(indicator, line);
			if (line.socle() || more.isEmpty()) {
				continue;
			}
			CentreResult committed = compute(rules, with(base, Map.of(line.code(), more.get())));
			BigDecimal added = committed.totalEuros().subtract(baseResult.totalEuros());
			if (added.signum() > 0) {
				whatIfs.add(new WhatIf(commitment(indicator, line, more.get()) + suffix, added,
						provisionalChange(baseResult, committed)));
			}
		}
		return List.copyOf(whatIfs);
	}

	/** The answer one step further than the declared one, when there is a step to take. */
	private static Optional<String> more(ExerciceIndicator indicator, IndicatorLine line) {
		AnswerType answer = indicator.rule().answer();
		if (answer == AnswerType.AUTOMATIC) {
			return Optional.empty();
		}
		if (line.verdict() == Verdict.NOT_MET) {
			return Optional.of(minimumAnswer(indicator));
		}
		if (line.verdict() != Verdict.MET || answer == AnswerType.YES_NO) {
			return Optional.empty();
		}
		int declared = DeclaredAnswer.asQuantity(answer, line.declared()).orElse(0);
		boolean below = answer == AnswerType.COUNT || declared < indicator.rule().maxLevel();
		return below ? Optional.of(String.valueOf(declared + 1)) : Optional.empty();
	}

	private static String commitment(ExerciceIndicator indicator, IndicatorLine line, String answer) {
		String name = "« " + line.label() + " » (" + line.code() + ")";
		if (line.verdict() == Verdict.NOT_MET) {
			return "Atteindre " + name;
		}
		return indicator.rule().answer() == AnswerType.LEVEL ? "Passer au niveau " + answer + " pour " + name
				: "Déclarer " + answer + " au lieu de " + line.declared() + " pour " + name;
	}

	/** The smallest answer that meets the indicator. */
	static String minimumAnswer(ExerciceIndicator indicator) {
		return indicator.rule().answer() == AnswerType.YES_NO ? "oui" : String.valueOf(indicator.minimumValue());
	}

	private static ValueStatus provisionalChange(CentreResult before, CentreResult after) {
		Map<String, IndicatorLine> previous = new HashMap<>();
		before.lines().forEach(l -> previous.put(l.code(), l));
		List<ValueStatus> changed = after.lines()
			.stream()
			.filter(l -> previous.get(l.code()) == null
					|| previous.get(l.code()).euros().compareTo(l.euros()) != 0)
			.map(IndicatorLine::status)
			.toList();
		return changed.contains(ValueStatus.PLACEHOLDER) ? ValueStatus.PLACEHOLDER
				: changed.contains(ValueStatus.ANALOG) ? ValueStatus.ANALOG : ValueStatus.CONFIRMED;
	}

	private static CentreInputs with(CentreInputs inputs, Map<String, String> answers) {
		Map<String, String> declared = new HashMap<>(inputs.declaration().answers());
		declared.putAll(answers);
		return new CentreInputs(inputs.centre(), new Declaration(inputs.centre().finess(), declared),
				inputs.patients(), inputs.extractionDate(), inputs.rejectedRows());
	}

	private static CentreResult compute(ExerciceRules rules, CentreInputs inputs) {
		return new RemunerationEngine().compute(rules, inputs);
	}

}
