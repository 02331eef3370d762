package fr.cds.remuneration.rules.model;

/** How a centre open or conventioned for part of the exercice is paid. */
public enum ProrataMethod {

	/** {@code amount × days open and conventioned / days in the exercice}. */
	DAYS("days"),
	/** Paid in full whatever the days (no pro-rata). */
	NONE("none");

	private final String dataValue;

	ProrataMethod(String dataValue) {
		this.dataValue = dataValue;
	}

	public String dataValue() {
		return this.dataValue;
	}

	public static java.util.Optional<ProrataMethod> fromDataValue(String value) {
		return java.util.Arrays.stream(values()).filter(m -> m.dataValue.equals(value)).findFirst();
	}

}
