package fr.cds.remuneration.rules.describe;

import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * One statement of a rule set in words, with the exercices it applies to: "COORDINATION, fixed
 * part: 1,000 pts in 2016–2025, analog, source ACI, set by the accord". The rules command shows,
 * compares and filters these.
 *
 * @param subject an indicator code, or {@link #TEXTS} or {@link #PARAMETERS}
 * @param item what of the subject (socle, a component, a parameter…); unique within the subject
 * @param period exercices the statement applies to, within the rule set's exercices
 * @param status how sure the value is, or {@code null} for the structure of an indicator (which
 * carries no value)
 * @param sourceId key of the source, or {@code null} with the status
 * @param textId the accord or avenant that set it
 */
public record RuleEntry(String subject, String item, ExercicePeriod period, String value, ValueStatus status,
		String sourceId, String textId) {

	/** Subject of the entries that describe the legal texts (lower case: never an indicator code). */
	public static final String TEXTS = "textes";

	/** Subject of the entries that describe the general parameters. */
	public static final String PARAMETERS = "paramètres";

	public boolean isProvisional() {
		return this.status != null && this.status.isProvisional();
	}

	/** The same statement, for a diff: subject and item. */
	String key() {
		return this.subject + "\u0000" + this.item;
	}

	/** The value with where it comes from, e.g. {@code 800 pts [analog, ACI, accord-2015]}. */
	String valueWithProvenance() {
		String provenance = this.status == null ? this.textId
				: this.status.dataValue() + ", " + this.sourceId + ", " + this.textId;
		return this.value + " [" + provenance + "]";
	}

}
