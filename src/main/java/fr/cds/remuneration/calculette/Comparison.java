package fr.cds.remuneration.calculette;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.IndicatorLine;

/**
 * The same centre under this exercice's rules and the next's, side by side: one row per indicator
 * of the next exercice with the indicators it continues, and one row for all the indicators that
 * the next rules no longer have; each row with its euros under both rules and how the answer was
 * carried.
 *
 * @param nextWhatIfs what more commitments would add under the next exercice's rules (meeting its
 * socle first, when an indicator it adds to the socle is not answered)
 * @param refusals why the next exercice could not be computed (e.g. the centre closed before it);
 * then there are no rows
 */
public record Comparison(int exercice, int next, String ruleSet, String nextRuleSet, List<Row> rows,
		BigDecimal totalEuros, BigDecimal nextTotalEuros, String socle, String nextSocle,
		List<WhatIfs.WhatIf> nextWhatIfs, List<String> refusals) {

	/**
	 * One row: {@code euros} under this exercice's rules (of the indicators continued, {@code null}
	 * when none), {@code nextEuros} under the next's ({@code null} when it has no such indicator).
	 *
	 * @param how how the answer was carried, in French
	 */
	public record Row(String label, String codes, BigDecimal euros, BigDecimal nextEuros, String how,
			boolean provisional) {

		public BigDecimal difference() {
			return (this.nextEuros == null ? BigDecimal.ZERO : this.nextEuros)
				.subtract(this.euros == null ? BigDecimal.ZERO : this.euros);
		}

	}

	public BigDecimal difference() {
		return this.nextTotalEuros.subtract(this.totalEuros);
	}

	/** Whether both exercices are under the same accord (then the rows differ by dated values only). */
	public boolean sameAccord() {
		return this.ruleSet.substring(0, this.ruleSet.indexOf('@'))
			.equals(this.nextRuleSet.isEmpty() ? "" : this.nextRuleSet.substring(0, this.nextRuleSet.indexOf('@')));
	}

	static Comparison refused(CentreResult result, int next, List<String> refusals) {
		return new Comparison(result.exercice(), next, result.ruleSet().reference(), "", List.of(),
				result.totalEuros(), null, socle(result), "", List.of(), List.copyOf(refusals));
	}

	static Comparison of(CentreResult result, CentreResult next, List<AnswerCarryOver.Carried> carried,
			List<WhatIfs.WhatIf> nextWhatIfs) {
		Map<String, IndicatorLine> lines = new HashMap<>();
		result.lines().forEach(l -> lines.put(l.code(), l));
		Map<String, AnswerCarryOver.Carried> carriedByCode = new HashMap<>();
		carried.forEach(c -> carriedByCode.put(c.code(), c));
		Set<String> continued = new HashSet<>();
		List<Row> rows = new ArrayList<>();
		for (IndicatorLine line : next.lines()) {
			AnswerCarryOver.Carried how = carriedByCode.get(line.code());
			List<String> from = how != null ? how.from() : lines.containsKey(line.code()) ? List.of(line.code()) : List.of();
			continued.addAll(from);
			BigDecimal euros = from.isEmpty() ? null
					: from.stream().map(c -> lines.get(c).euros()).reduce(BigDecimal.ZERO, BigDecimal::add);
			rows.add(new Row(line.label(), codes(from, line.code()), euros, line.euros(), how(how, line),
					line.status().isProvisional() || (how != null && how.provisional())));
		}
		List<IndicatorLine> dropped = result.lines().stream().filter(l -> !continued.contains(l.code())).toList();
		if (!dropped.isEmpty()) {
			rows.add(new Row("Indicateurs sans équivalent dans les règles de " + next.exercice(),
					String.join(", ", dropped.stream().map(IndicatorLine::code).toList()),
					dropped.stream().map(IndicatorLine::euros).reduce(BigDecimal.ZERO, BigDecimal::add), null,
					"ne rapportent plus rien", dropped.stream().anyMatch(l -> l.paid() && l.status().isProvisional())));
		}
		return new Comparison(result.exercice(), next.exercice(), result.ruleSet().reference(),
				next.ruleSet().reference(), List.copyOf(rows), result.totalEuros(), next.totalEuros(), socle(result),
				socle(next), nextWhatIfs, List.of());
	}

	private static String codes(List<String> from, String code) {
		if (from.isEmpty() || from.equals(List.of(code))) {
			return code;
		}
		return String.join(", ", from) + " → " + code;
	}

	private static String how(AnswerCarryOver.Carried carried, IndicatorLine line) {
		if (carried == null) {
			return "calculé sans déclaration";
		}
		if (carried.assumed()) {
			return "nouvel indicateur du socle : supposé atteint (sinon rien n'est dû)";
		}
		if (carried.from().isEmpty()) {
			return "nouvel indicateur : non renseigné, compté non atteint";
		}
		String answer = carried.answer() == null ? "pas de réponse à reprendre" : "réponse reprise : " + carried.answer();
		return carried.from().equals(List.of(line.code())) ? answer
				: answer + (carried.provisional() ? " (correspondance provisoire)" : "");
	}

	private static String socle(CentreResult result) {
		return result.socle().met() ? "atteint" : "non atteint (" + String.join(", ", result.socle().failed()) + ")";
	}

}
