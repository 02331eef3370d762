package fr.cds.remuneration.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A yearly payment to centres with its own rules and its own balance, settled separately in the
 * same ledger: each has its own line in the payment file, so that a transfer can be matched to the
 * payment it makes, and its own section of the statement.
 */
public enum PaymentStream {

	/**
	 * The rémunération forfaitaire of the Accord national: computed from the indicators, its detail
	 * is the indicator lines of the {@link CentreResult}; paid as an advance, then a balance.
	 */
	FORFAIT("rémunération forfaitaire", "RFS", true),
	/** The médecin-traitant forfait (FPMT until 2025, FMT from 2026), from the patient extract. */
	MEDECIN_TRAITANT("forfait médecin traitant", "FMT", false),
	/** Supplements paid per act on the counts the centre declares (SAS, sage-femme référente). */
	SUPPLEMENTS_ACTES("suppléments à l'acte", "SUP", false),
	/** Aids paid on contracts (medical assistants, IPA, installation and maintenance). */
	AIDES_CONTRAT("aides sur contrat", "AID", false);

	private final String label;

	private final String referencePrefix;

	private final boolean fromIndicators;

	PaymentStream(String label, String referencePrefix, boolean fromIndicators) {
		this.label = label;
		this.referencePrefix = referencePrefix;
		this.fromIndicators = fromIndicators;
	}

	/**
	 * Whether the stream is computed from the indicators (the forfait): its summaries show the
	 * centres paid and failing the socle, and its lines are indicators, not {@link StreamLine}s.
	 */
	public boolean fromIndicators() {
		return this.fromIndicators;
	}

	/**
	 * The streams computed outside the indicators, each with its {@link StreamResult} lines, in
	 * the order of their columns and sections: a stream added here is listed everywhere they are.
	 */
	public static List<PaymentStream> others() {
		return Arrays.stream(values()).filter(stream -> !stream.fromIndicators).toList();
	}

	/** French name for statements. */
	public String label() {
		return this.label;
	}

	/** First part of the references of this stream's payments ({@code RFS-2024-…}). */
	public String referencePrefix() {
		return this.referencePrefix;
	}

}
