package fr.cds.remuneration.run;

/** Exit codes of the command line, documented in docs/operations.md. */
public enum ExitCode {

	/** Done. */
	OK(0),
	/** An unexpected error, or the job failed for a reason not listed below. */
	FAILED(1),
	/** Wrong command-line usage. */
	USAGE(2),
	/** Input files refused: missing, unreadable, wrong header, or too many rejected rows. */
	INPUT_REFUSED(3),
	/** Rule-set file refused by validation. */
	RULES_REFUSED(4),
	/** This exercice was already computed from the same inputs: nothing is paid twice. */
	ALREADY_COMPLETED(5),
	/** A run of this exercice is in progress. */
	ALREADY_RUNNING(6),
	/**
	 * An input file changed after the launch (its bytes, as read, are not those hashed at launch):
	 * the run stopped before writing any payment.
	 */
	INPUTS_CHANGED(7),
	/**
	 * The run completed, but some centres are held (en attente): their inputs are incomplete or
	 * implausible, they are not paid until corrected (centres-en-attente.csv says why).
	 */
	COMPLETED_WITH_HELD_CENTRES(8),

	/**
	 * The payer's desk refused an approval, a rejection or a bank-status import: same operator as
	 * the one who launched the run, run already decided, inputs or rules changed since the run.
	 */
	APPROVAL_REFUSED(9);

	private final int code;

	ExitCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
