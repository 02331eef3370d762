package fr.cds.remuneration.ledger;

import fr.cds.remuneration.engine.PaymentStream;

/**
 * References of the payments this system computes: {@code <stream>-<exercice>-<FINESS>-<KIND>-R<run>},
 * the stream's prefix first ({@code RFS} for the forfait, {@code FMT} for the médecin-traitant
 * forfait…), so that a transfer says which payment it makes. Stable for a run (a restart finds the
 * same reference, so the ledger records the amount once) and unique per run, centre, exercice,
 * stream and kind.
 */
public final class PaymentReference {

	private PaymentReference() {
	}

	public static String of(PaymentStream stream, int exercice, String finess, PaymentKind kind, long runId) {
		return stream.referencePrefix() + "-" + exercice + "-" + finess + "-" + kind.name() + "-R" + runId;
	}

	/**
	 * Reference of the advance of an exercice computed from the snapshot of an annual run of the
	 * year before: {@code RFS-<exercice>-<FINESS>-AVANCE-B<base run>}.
	 */
	public static String advance(int exercice, String finess, long baseRunId) {
		return PaymentStream.advanced().referencePrefix() + "-" + exercice + "-" + finess + "-" + PaymentKind.AVANCE.name()
				+ "-B" + baseRunId;
	}

}
