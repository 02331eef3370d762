package fr.cds.remuneration.rules.model;

/** The computation kinds the engine knows; a new kind is one new value class and one evaluator. */
public enum ComponentKind {

	/** An amount once when met, or per declared item up to a maximum. */
	FIXED("fixed"),
	/** An amount read in a table by declared level, cumulative or not. */
	LEVELS("levels"),
	/** A tiered amount per reference patient list, optionally per declared item. */
	PER_PATIENT("per_patient"),
	/** A tiered amount per full-time equivalent of some professions. */
	PER_PROFESSIONAL("per_professional");

	private final String dataValue;

	ComponentKind(String dataValue) {
		this.dataValue = dataValue;
	}

	public String dataValue() {
		return this.dataValue;
	}

	public static java.util.Optional<ComponentKind> fromDataValue(String value) {
		return java.util.Arrays.stream(values()).filter(k -> k.dataValue.equals(value)).findFirst();
	}

}
