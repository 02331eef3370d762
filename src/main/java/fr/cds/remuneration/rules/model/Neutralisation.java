package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.common.DataCode;

/**
 * A national decision for one exercice: treat an indicator as met for every centre, or remove it
 * for everyone (as the payer did when certified software was missing). Printed on every affected
 * statement with its reason.
 */
public record Neutralisation(int exercice, String indicator, Effect effect, String reason, Provenance provenance) {

	public enum Effect implements DataCode {

		/** Every centre is deemed to meet the indicator. */
		MET("met", "réputé atteint pour tous les centres"),
		/** The indicator is removed for everyone: neither paid nor required. */
		REMOVED("removed", "retiré pour tous les centres");

		private final String dataValue;

		private final String label;

		Effect(String dataValue, String label) {
			this.dataValue = dataValue;
			this.label = label;
		}

		@Override
		public String dataValue() {
			return this.dataValue;
		}

		public String label() {
			return this.label;
		}


	}

}
