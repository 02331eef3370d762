package fr.cds.remuneration.engine;

/**
 * A yearly payment to centres with its own rules and its own balance, settled separately in the
 * same ledger: each has its own line in the payment file, so that a transfer can be matched to the
 * payment it makes, and its own section of the statement.
 */
public enum PaymentStream {

	/** The rémunération forfaitaire of the Accord national. */
	FORFAIT("rémunération forfaitaire", "RFS"),
	/** The médecin-traitant forfait (FPMT until 2025, FMT from 2026), from the patient extract. */
	MEDECIN_TRAITANT("forfait médecin traitant", "FMT"),
	/** Supplements paid per act on the counts the centre declares (SAS, sage-femme référente). */
	SUPPLEMENTS_ACTES("suppléments à l'acte", "SUP"),
	/** Aids paid on contracts (medical assistants, IPA, installation and maintenance). */
	AIDES_CONTRAT("aides sur contrat", "AID");

	private final String label;

	private final String referencePrefix;

	PaymentStream(String label, String referencePrefix) {
		this.label = label;
		this.referencePrefix = referencePrefix;
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
