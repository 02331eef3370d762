package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.common.DataCode;

/** What the precarity uplift multiplies. */
public enum UpliftScope implements DataCode {

	/** The variable points counted on the centre's patient list (accord of 2015, art. 8.6). */
	PATIENT_VARIABLE("patient_variable"),
	/**
	 * The whole amount, fixed and variable parts of every indicator (« applicable au montant de la
	 * rémunération », règlement arbitral of 2015, art. 5.1).
	 */
	WHOLE("whole");

	private final String dataValue;

	UpliftScope(String dataValue) {
		this.dataValue = dataValue;
	}

	@Override
	public String dataValue() {
		return this.dataValue;
	}

}
