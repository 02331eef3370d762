package fr.cds.remuneration.ledger;

/**
 * A yearly payment to centres with its own rules and its own balance. Only the forfait is
 * computed today; the médecin-traitant forfait and the other payments of the accord will be
 * streams of their own, settled separately in the same ledger.
 */
public enum PaymentStream {

	/** The rémunération forfaitaire of the Accord national. */
	FORFAIT("rémunération forfaitaire");

	private final String label;

	PaymentStream(String label) {
		this.label = label;
	}

	/** French name for statements. */
	public String label() {
		return this.label;
	}

}
