package fr.cds.remuneration.ledger;

/**
 * Where a ledger amount stands: computed by a run, ordered to the payer's accounting, paid (or
 * recovered). Every status counts in what a centre has already received or owes: an amount
 * computed and not yet paid will be paid, so counting only paid amounts would pay it twice.
 */
public enum PaymentStatus {

	COMPUTED("calculé, non encore ordonnancé"),
	ORDERED("ordonnancé"),
	PAID("versé");

	private final String label;

	PaymentStatus(String label) {
		this.label = label;
	}

	/** French word for statements. */
	public String label() {
		return this.label;
	}

}
