package fr.cds.remuneration.ledger;

/**
 * References of the payments this system computes: {@code RFS-<exercice>-<FINESS>-<KIND>-R<run>}.
 * Stable for a run (a restart finds the same reference, so the ledger records the amount once)
 * and unique per run, centre, exercice and kind.
 */
public final class PaymentReference {

	private PaymentReference() {
	}

	public static String of(int exercice, String finess, PaymentKind kind, long runId) {
		return "RFS-" + exercice + "-" + finess + "-" + kind.name() + "-R" + runId;
	}

}
