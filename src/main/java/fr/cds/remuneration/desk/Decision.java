package fr.cds.remuneration.desk;

/** What the second operator decided on a run's proposed payment lines. */
public enum Decision {

	/** Released: ordered in the ledger, transfers written to the bank file. */
	APPROVED("approuvé"),
	/** Sent back: the lines are cancelled in the ledger, nothing is paid. */
	REJECTED("rejeté");

	private final String label;

	Decision(String label) {
		this.label = label;
	}

	/** French word for the ledger listing. */
	public String label() {
		return this.label;
	}

}
