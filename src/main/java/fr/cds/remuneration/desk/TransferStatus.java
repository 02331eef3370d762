package fr.cds.remuneration.desk;

/** Where a transfer of a ledger line stands with the bank. */
public enum TransferStatus {

	/** Written to a bank file. */
	SENT("émis"),
	/** Not written: the centre has no IBAN in the run's centres.csv; issued once one is supplied. */
	HELD("retenu, IBAN manquant"),
	/** Refused by the bank (status report): to be corrected and issued again. */
	REJECTED("rejeté par la banque"),
	/** Replaced by a corrected transfer (the next issue of the same ledger line). */
	REISSUED("remplacé par un virement corrigé");

	private final String label;

	TransferStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the transfer waits for a corrected account before it can be issued. */
	public boolean awaitsCorrection() {
		return this == HELD || this == REJECTED;
	}

}
