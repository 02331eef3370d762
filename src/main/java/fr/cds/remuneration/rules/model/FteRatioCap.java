package fr.cds.remuneration.rules.model;

import java.math.BigDecimal;
import java.util.Set;

import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.centre.Profession;

/**
 * A ceiling on the contract FTE an aid pays, per FTE of other professions of the centre (medical
 * assistants: 0.5 assistant FTE per doctor FTE), and what becomes of a contract above it.
 */
public record FteRatioCap(BigDecimal ratio, Set<Profession> professions, Excess excess) {

	/** What a contract that does not fit under the ceiling gets. */
	public enum Excess implements DataCode {

		/** Nothing: the contract is refused as a whole. */
		REFUSED("refused"),
		/** The aid on the part of its FTE that fits (avenant 5: proportionality). */
		PROPORTIONAL("proportional");

		private final String dataValue;

		Excess(String dataValue) {
			this.dataValue = dataValue;
		}

		@Override
		public String dataValue() {
			return this.dataValue;
		}

	}

}
