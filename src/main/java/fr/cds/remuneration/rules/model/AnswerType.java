package fr.cds.remuneration.rules.model;

/** How a centre answers an indicator in its declaration. */
public enum AnswerType {

	/** {@code oui} / {@code non}. */
	YES_NO("yes_no"),
	/** A level 0..n (quality approach, opening hours…). */
	LEVEL("level"),
	/** A count (protocols, placements, missions…). */
	COUNT("count"),
	/** Not declared: computed from the centre's data (staff, patient extract). */
	AUTOMATIC("automatic");

	private final String dataValue;

	AnswerType(String dataValue) {
		this.dataValue = dataValue;
	}

	public String dataValue() {
		return this.dataValue;
	}

	public static java.util.Optional<AnswerType> fromDataValue(String value) {
		return java.util.Arrays.stream(values()).filter(t -> t.dataValue.equals(value)).findFirst();
	}

}
