package fr.cds.remuneration.ledger;

/** Nature of a payment line, printed on payment files so that a transfer can be identified. */
public enum PaymentKind {

	/** Advance paid during the exercice. */
	AVANCE,
	/** Balance paid after the annual run. */
	SOLDE,
	/** Difference after a re-processing: positive (supplement) or negative (recovery). */
	REGULARISATION

}
