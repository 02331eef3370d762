package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.common.DataCode;

/** How a centre open or conventioned for part of the exercice is paid. */
public enum ProrataMethod implements DataCode {

	/** {@code amount × days open and conventioned / days in the exercice}. */
	DAYS("days"),
	/**
	 * {@code amount × days from the contract's signature (the centre's adhesion) / days in the
	 * exercice}, whatever the opening date (règlement arbitral of 2015, art. 5.1); a closing date
	 * still ends the days counted.
	 */
	SIGNATURE("signature"),
	/** Paid in full whatever the days (no pro-rata). */
	NONE("none");

	private final String dataValue;

	ProrataMethod(String dataValue) {
		this.dataValue = dataValue;
	}

	@Override
	public String dataValue() {
		return this.dataValue;
	}


}
