package fr.cds.remuneration.ledger;

/** Nature of a payment line, printed on payment files so that a transfer can be identified. */
public enum PaymentKind {

	/** Advance paid during the exercice. */
	AVANCE("avance"),
	/** Balance paid after the annual run. */
	SOLDE("solde"),
	/** Difference after a re-processing: positive (supplement) or negative (recovery). */
	REGULARISATION("régularisation");

	private final String label;

	PaymentKind(String label) {
		this.label = label;
	}

	/** French word for statements. */
	public String label() {
		return this.label;
	}

}
