package fr.cds.remuneration.ledger;

/**
 * A write that would make the ledger say two things at once: a reference reused for another
 * payment, a balance recorded twice for an exercice, a status going back. Nothing is written.
 */
public class LedgerConflictException extends RuntimeException {

	public LedgerConflictException(String message) {
		super(message);
	}

}
