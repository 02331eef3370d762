package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.common.DataCode;

/** The computation kinds the engine knows; a new kind is one new value class and one evaluator. */
public enum ComponentKind implements DataCode {

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

	@Override
	public String dataValue() {
		return this.dataValue;
	}


}
