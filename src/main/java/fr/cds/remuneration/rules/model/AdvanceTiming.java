package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.common.DataCode;

/** When the advance of an exercice N is paid. */
public enum AdvanceTiming implements DataCode {

	/** During N (the MSP sister scheme's calendar, the accords' analog). */
	DURING_EXERCICE("during_exercice"),
	/**
	 * With the balance of N−1, by that balance's due date (règlement arbitral of 2015, art. 5.4:
	 * « au moment du versement du solde de la rémunération au titre de l'année précédente, au plus
	 * tard le 30 avril »).
	 */
	WITH_PREVIOUS_BALANCE("with_previous_balance");

	private final String dataValue;

	AdvanceTiming(String dataValue) {
		this.dataValue = dataValue;
	}

	@Override
	public String dataValue() {
		return this.dataValue;
	}

}
