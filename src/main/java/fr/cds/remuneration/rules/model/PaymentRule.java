package fr.cds.remuneration.rules.model;

/** A rule of a payment stream outside the forfait, named as the statements and the rules command name it. */
public interface PaymentRule {

	String code();

	String label();

	ExercicePeriod validity();

	String textId();

}
