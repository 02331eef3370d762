package fr.cds.remuneration.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.model.AdvanceTiming;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * The payment calendar of the forfait as configuration ({@code cds.schedule.*}): the advance and
 * the balance's due date in the following year, each dated by exercice and carrying its status and
 * source like a rule value. The shipped application sets none of it: its rule sets carry their
 * calendar ({@code parameters: advance, balance_due}, see {@link PaymentCalendar}); these
 * properties remain only for a rule-set directory written before the calendar was rule data.
 *
 * @param advances the advance rules, by period of exercices
 * @param balances the balance due dates, by period of exercices
 */
@ConfigurationProperties("cds.schedule")
public record PaymentSchedule(List<Advance> advances, List<Balance> balances) {

	/**
	 * The advance of an exercice: {@code rate} × what the centre's socle indicators would earn at
	 * 100 %, at least {@code minimumEur} but never more than that socle amount.
	 *
	 * @param to last exercice, {@code null} when still in force
	 * @param ruleSet id of the rule set this entry is for ({@code reglement-arbitral-2015}), or
	 * {@code null}: the entry of every rule set without one of its own
	 * @param paid when the advance is paid; {@code null} reads as {@link AdvanceTiming#DURING_EXERCICE}
	 */
	public record Advance(int from, Integer to, BigDecimal rate, BigDecimal minimumEur, ValueStatus status,
			String source, String ruleSet, AdvanceTiming paid) {

		public Advance {
			paid = paid == null ? AdvanceTiming.DURING_EXERCICE : paid;
		}

		boolean covers(int exercice) {
			return exercice >= this.from && (this.to == null || exercice <= this.to);
		}

	}

	/**
	 * When the balance of an exercice N is due, in N+1.
	 *
	 * @param due month and day, {@code MM-dd}
	 */
	public record Balance(int from, Integer to, String due, ValueStatus status, String source) {

		boolean covers(int exercice) {
			return exercice >= this.from && (this.to == null || exercice <= this.to);
		}

	}

	public PaymentSchedule {
		advances = advances == null ? List.of() : List.copyOf(advances);
		balances = balances == null ? List.of() : List.copyOf(balances);
		List<String> problems = new ArrayList<>();
		for (Advance advance : advances) {
			if (advance.rate() == null || advance.rate().signum() <= 0 || advance.rate().compareTo(BigDecimal.ONE) > 0) {
				problems.add("avance à partir de " + advance.from() + " : le taux doit être dans ]0, 1], par exemple 0.60");
			}
			if (advance.minimumEur() == null || advance.minimumEur().signum() < 0) {
				problems.add("avance à partir de " + advance.from() + " : minimum-eur doit être d'au moins 0");
			}
			checkProvenance("avance", advance.from(), advance.status(), advance.source(), problems);
		}
		for (Balance balance : balances) {
			if (parse(balance.due()).isEmpty()) {
				problems.add("solde à partir de " + balance.from() + " : due doit être un mois et un jour, MM-dd (par exemple 04-30)");
			}
			checkProvenance("solde", balance.from(), balance.status(), balance.source(), problems);
		}
		for (String ruleSet : advances.stream().map(a -> String.valueOf(a.ruleSet())).distinct().toList()) {
			checkPeriods("avance", advances.stream()
				.filter(a -> String.valueOf(a.ruleSet()).equals(ruleSet))
				.map(a -> new int[] { a.from(), a.to() == null ? Integer.MAX_VALUE : a.to() })
				.toList(), problems);
		}
		checkPeriods("solde", balances.stream().map(b -> new int[] { b.from(), b.to() == null ? Integer.MAX_VALUE : b.to() }).toList(), problems);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("cds.schedule refusé : " + String.join("; ", problems));
		}
	}

	/** The advance of every rule set without an entry of its own. */
	public Optional<Advance> advance(int exercice) {
		return this.advances.stream().filter(a -> a.ruleSet() == null && a.covers(exercice)).findFirst();
	}

	/** The advance under rule set {@code ruleSetId}: its own entry if it has one, else the common one. */
	public Optional<Advance> advance(int exercice, String ruleSetId) {
		return this.advances.stream()
			.filter(a -> ruleSetId.equals(a.ruleSet()) && a.covers(exercice))
			.findFirst()
			.or(() -> advance(exercice));
	}

	/** The balance's due date for the exercice, in the following year. */
	public Optional<LocalDate> balanceDue(int exercice) {
		return this.balances.stream()
			.filter(b -> b.covers(exercice))
			.findFirst()
			.flatMap(b -> parse(b.due()))
			.map(day -> day.atYear(exercice + 1));
	}

	/** When the balance of the exercice is due, in French for the statement; empty when not scheduled. */
	public String balanceDueNote(int exercice) {
		return this.balances.stream()
			.filter(b -> b.covers(exercice))
			.findFirst()
			.flatMap(b -> parse(b.due())
				.map(day -> day.atYear(exercice + 1))
				// the calendar is not a rule value of the centre's amounts: its date is not marked provisional
				.map(date -> "à verser au plus tard le " + FrenchFormat.date(date)))
			.orElse("");
	}

	private static Optional<MonthDay> parse(String due) {
		try {
			return due == null ? Optional.empty() : Optional.of(MonthDay.parse(due, DateTimeFormatter.ofPattern("MM-dd")));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static void checkProvenance(String what, int from, ValueStatus status, String source, List<String> problems) {
		if (status == null || source == null || source.isBlank()) {
			problems.add(what + " à partir de " + from + " : status (confirmed, analog, placeholder) et source sont obligatoires");
		}
	}

	private static void checkPeriods(String what, List<int[]> periods, List<String> problems) {
		for (int i = 0; i < periods.size(); i++) {
			for (int j = i + 1; j < periods.size(); j++) {
				if (periods.get(i)[0] <= periods.get(j)[1] && periods.get(j)[0] <= periods.get(i)[1]) {
					problems.add(what + " : les périodes à partir de " + periods.get(i)[0] + " et de " + periods.get(j)[0] + " se chevauchent");
				}
			}
		}
	}

}
