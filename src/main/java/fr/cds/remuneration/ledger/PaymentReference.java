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

	/**
	 * Reference of the advance of an exercice computed from the snapshot of an annual run of the
	 * year before: {@code RFS-<exercice>-<FINESS>-AVANCE-B<base run>}.
	 */
	public static String advance(int exercice, String finess, long baseRunId) {
		return "RFS-" + exercice + "-" + finess + "-" + PaymentKind.AVANCE.name() + "-B" + baseRunId;
	}

}
