package fr.cds.remuneration.rules;

import java.util.Optional;

import fr.cds.remuneration.rules.model.Provenance;

/**
 * The payment calendar of an exercice: the rule set's ({@code parameters: advance, balance_due},
 * dated, each value with its status, source and text, the advance with when it is paid), or, for a
 * rule set that has none, the {@code cds.schedule.*} properties, which the shipped application does
 * not set (they remain for a rule-set directory written before the calendar was rule data).
 */
public final class PaymentCalendar {

	private PaymentCalendar() {
	}

	public static Optional<PaymentSchedule.Advance> advance(ExerciceRules rules, PaymentSchedule configured) {
		return rules.advance()
			.map(terms -> new PaymentSchedule.Advance(rules.exercice(), rules.exercice(), terms.value().rate(),
					terms.value().minimumEur(), terms.status(), citation(terms.provenance()), rules.ruleSet().id(),
					terms.value().paid()))
			.or(() -> configured.advance(rules.exercice(), rules.ruleSet().id()));
	}

	/**
	 * When the balance of {@code exercice} (the one before the rules' own, for an advance paid with
	 * it) falls due: the rule set's date when it has one for that exercice, else the configured one.
	 */
	public static Optional<java.time.LocalDate> balanceDue(ExerciceRules rules, int exercice, PaymentSchedule configured) {
		return rules.ruleSet()
			.parameters()
			.balanceDue()
			.at(exercice)
			.map(due -> due.value().atYear(exercice + 1))
			.or(() -> configured.balanceDue(exercice));
	}

	/** When the balance of the exercice is due, in French for the statement; empty when not scheduled. */
	public static String balanceDueNote(ExerciceRules rules, PaymentSchedule configured) {
		return rules.balanceDue()
			.map(due -> new PaymentSchedule(null,
					java.util.List.of(new PaymentSchedule.Balance(rules.exercice(), rules.exercice(),
							String.format("%02d-%02d", due.value().getMonthValue(), due.value().getDayOfMonth()),
							due.status(), citation(due.provenance()))))
				.balanceDueNote(rules.exercice()))
			.orElseGet(() -> configured.balanceDueNote(rules.exercice()));
	}

	private static String citation(Provenance provenance) {
		return provenance.source();
	}

}
