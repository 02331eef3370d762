package fr.cds.remuneration.centre;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Type of a centre de santé, as declared in its adhesion (FINESS category 124 does not tell it).
 * The one-letter code is the one used in rule-set data (M, P, D, I).
 */
public enum CentreType {

	MEDICAL("M", "medical", "médical"),
	POLYVALENT("P", "polyvalent", "polyvalent"),
	DENTAIRE("D", "dentaire", "dentaire"),
	INFIRMIER("I", "infirmier", "infirmier");

	private final String code;

	private final String fileValue;

	private final String label;

	CentreType(String code, String fileValue, String label) {
		this.code = code;
		this.fileValue = fileValue;
		this.label = label;
	}

	/** One-letter code used by the rule sets. */
	public String code() {
		return this.code;
	}

	/** Value written in centres.csv. */
	public String fileValue() {
		return this.fileValue;
	}

	/** French label for outputs. */
	public String label() {
		return this.label;
	}

	/** Parses the centres.csv value; accents and case are tolerated ("Médical" = "medical"). */
	public static Optional<CentreType> fromFileValue(String value) {
		String normalised = value.strip().toLowerCase(Locale.ROOT).replace('é', 'e');
		return Arrays.stream(values()).filter(t -> t.fileValue.equals(normalised)).findFirst();
	}

	public static Optional<CentreType> fromCode(String code) {
		return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
	}

}
