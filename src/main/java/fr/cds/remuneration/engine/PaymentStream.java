package fr.cds.remuneration.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import fr.cds.remuneration.rules.ExerciceRules;

/**
 * A yearly payment to centres with its own rules and its own balance, settled separately in the
 * same ledger: each has its own line in the payment file, so that a transfer can be matched to the
 * payment it makes, and its own section of the statement.
 * <p>
 * What sets one stream apart from the others is said here, as properties, and nowhere else: the
 * code folds over the streams and asks them. A stream computed outside the indicators carries its
 * computation, so the engine computes every such stream without naming it.
 */
public enum PaymentStream {

	/**
	 * The rémunération forfaitaire of the Accord national: computed from the indicators, its detail
	 * is the indicator lines of the {@link CentreResult}; paid as an advance, then a balance.
	 */
	FORFAIT("rémunération forfaitaire", "RFS", null, true),
	/** The médecin-traitant forfait (FPMT until 2025, FMT from 2026), from the patient extract. */
	MEDECIN_TRAITANT("forfait médecin traitant", "FMT",
			(rules, inputs, activity) -> MedecinTraitantForfait.compute(rules, inputs.centre(), inputs.patients(),
					inputs.extractionDate()),
			false),
	/** Supplements paid per act on the counts the centre declares (SAS, sage-femme référente). */
	SUPPLEMENTS_ACTES("suppléments à l'acte", "SUP",
			(rules, inputs, activity) -> ActSupplements.compute(rules, inputs.centre(), inputs.declaration(), activity),
			false),
	/** Aids paid on contracts (medical assistants, IPA, installation and maintenance). */
	AIDES_CONTRAT("aides sur contrat", "AID", ContractAids::compute, false);

	/** How a stream computed outside the indicators is computed for one centre. */
	@FunctionalInterface
	interface Computation {

		/**
		 * The centre's result for the stream, or empty when the stream does not apply to the centre.
		 *
		 * @param activity the part of the exercice the centre was open
		 */
		Optional<StreamResult> compute(ExerciceRules rules, CentreInputs inputs, ProrataResult activity);

	}

	private static final PaymentStream FROM_INDICATORS = theOne(stream -> stream.computation == null,
			"computed from the indicators");

	private static final PaymentStream ADVANCED = theOne(stream -> stream.advanced, "paid in advance");

	private final String label;

	private final String referencePrefix;

	private final Computation computation;

	private final boolean advanced;

	PaymentStream(String label, String referencePrefix, Computation computation, boolean advanced) {
		this.label = label;
		this.referencePrefix = referencePrefix;
		this.computation = computation;
		this.advanced = advanced;
	}

	/**
	 * Whether the stream is computed from the indicators (the forfait): its summaries show the
	 * centres paid and failing the socle, and its lines are indicators, not {@link StreamLine}s.
	 */
	public boolean fromIndicators() {
		return this.computation == null;
	}

	/**
	 * The one stream computed from the indicators: the forfait fields of a {@link CentreResult}
	 * (its lines, socle, prorata and uplift) are its detail.
	 */
	public static PaymentStream computedFromIndicators() {
		return FROM_INDICATORS;
	}

	/**
	 * The one stream paid as an advance during the exercice, then a balance: the advances are
	 * computed and recorded on it, and so are the payments of before this system that
	 * {@code import-payments} records (its file has no stream column: the advances and balances
	 * paid before were of this stream).
	 */
	public static PaymentStream advanced() {
		return ADVANCED;
	}

	/**
	 * The streams computed outside the indicators, each with its {@link StreamResult} lines, in
	 * the order of their columns and sections: a stream added here is listed everywhere they are.
	 */
	public static List<PaymentStream> others() {
		return Arrays.stream(values()).filter(stream -> !stream.fromIndicators()).toList();
	}

	/** French name for statements. */
	public String label() {
		return this.label;
	}

	/** First part of the references of this stream's payments ({@code RFS-2024-…}). */
	public String referencePrefix() {
		return this.referencePrefix;
	}

	/**
	 * The centre's result for a stream computed outside the indicators, or empty when the stream
	 * does not apply to the centre.
	 */
	Optional<StreamResult> compute(ExerciceRules rules, CentreInputs inputs, ProrataResult activity) {
		if (this.computation == null) {
			throw new IllegalStateException(this + " is computed from the indicators, not as a stream of its own");
		}
		return this.computation.compute(rules, inputs, activity);
	}

	private static PaymentStream theOne(Predicate<PaymentStream> property, String what) {
		List<PaymentStream> streams = Arrays.stream(values()).filter(property).toList();
		if (streams.size() != 1) {
			throw new IllegalStateException("exactly one payment stream must be " + what + ", not " + streams);
		}
		return streams.get(0);
	}

}
