package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.common.DataCode;

/**
 * How sure a rule value is. Carried by every value and shown on every statement that uses a value
 * which is not confirmed.
 */
public enum ValueStatus implements DataCode {

	/** Read in a public source about the centres' accord. */
	CONFIRMED("confirmed", ""),
	/** Value of the sister scheme for MSPs (ACI), which the centres' model was built from. */
	ANALOG("analog", "valeur provisoire (référence ACI)"),
	/** No public value at all; chosen only so that the rule runs. */
	PLACEHOLDER("placeholder", "valeur provisoire (non publiée)");

	private final String dataValue;

	private final String statementNote;

	ValueStatus(String dataValue, String statementNote) {
		this.dataValue = dataValue;
		this.statementNote = statementNote;
	}

	@Override
	public String dataValue() {
		return this.dataValue;
	}

	/** French note printed next to a value of this status (empty when confirmed). */
	public String statementNote() {
		return this.statementNote;
	}

	public boolean isProvisional() {
		return this != CONFIRMED;
	}

	/** The less certain of two statuses: a result is only as sure as its least sure input. */
	public ValueStatus weakest(ValueStatus other) {
		return this.ordinal() >= other.ordinal() ? this : other;
	}


}
