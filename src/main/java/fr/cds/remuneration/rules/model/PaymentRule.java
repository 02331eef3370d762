package fr.cds.remuneration.rules.model;

import java.util.List;
import java.util.function.Function;

/** A rule of a payment stream outside the forfait, named as the statements and the rules command name it. */
public interface PaymentRule {

	String code();

	String label();

	ExercicePeriod validity();

	String textId();

	/**
	 * The rule's dated values, each with what it is and how it reads in French, for the rules
	 * command ({@code rules show}, {@code rules provisional}): a rule of a stream whose walk
	 * {@code PaymentRuleEntries} does not know is listed from these, so that none of its values,
	 * a placeholder least of all, goes unlisted. The streams it knows are walked in detail instead.
	 */
	default List<DescribedValues<?>> describedValues() {
		return List.of();
	}

	/**
	 * One dated value of a rule, described.
	 *
	 * @param item what the value is, in French ("montant", "plafond")
	 * @param describe the value in French, with its unit
	 */
	record DescribedValues<T>(String item, Timeline<T> timeline, Function<T, String> describe) {
	}

}
