package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.common.DataCode;

/** How a centre answers an indicator in its declaration. */
public enum AnswerType implements DataCode {

	/** {@code oui} / {@code non}. */
	YES_NO("yes_no"),
	/** A level 0..n (quality approach, opening hours…). */
	LEVEL("level"),
	/** A count (protocols, placements, missions…). */
	COUNT("count"),
	/**
	 * An achievement rate in percent (taux de réalisation, 0–100; more is paid as 100): the
	 * indicator's parts are paid in proportion (règlement arbitral of 2015, art. 5.1).
	 */
	RATE("rate"),
	/** Not declared: computed from the centre's data (staff, patient extract). */
	AUTOMATIC("automatic");

	private final String dataValue;

	AnswerType(String dataValue) {
		this.dataValue = dataValue;
	}

	@Override
	public String dataValue() {
		return this.dataValue;
	}


}
