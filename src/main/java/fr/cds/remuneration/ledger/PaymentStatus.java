package fr.cds.remuneration.ledger;

/**
 * Where a ledger amount stands: computed by a run, ordered to the payer's accounting, paid (or
 * recovered), or cancelled at the payer's desk. Every status but the last counts in what a centre
 * has already received or owes: an amount computed and not yet paid will be paid, so counting only
 * paid amounts would pay it twice.
 */
public enum PaymentStatus {

	COMPUTED("calculé, non encore ordonnancé"),
	ORDERED("ordonnancé"),
	PAID("versé"),
	/**
	 * Rejected at the payer's desk before it was ordered: never paid, and no longer counted in what
	 * the centre received (a later re-processing pays the amount again if it is still due).
	 */
	CANCELLED("rejeté à l'ordonnancement");

	private final String label;

	PaymentStatus(String label) {
		this.label = label;
	}

	/** French word for statements. */
	public String label() {
		return this.label;
	}

}
