package fr.cds.remuneration.input;

/**
 * The inputs of a run are not good enough to pay on: too many rejected rows, or counts that do
 * not reconcile. Raised before any payment is written; the message says what to fix.
 */
public class InputRejectedException extends RuntimeException {

	public InputRejectedException(String message) {
		super(message);
	}

}
