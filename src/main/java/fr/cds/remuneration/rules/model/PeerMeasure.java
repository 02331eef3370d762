package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.common.DataCode;

/**
 * A measure of a centre that is compared with the same measure over every centre of the run (a
 * national percentile). One measure today; a new one is a value here and its computation in the
 * engine's {@code PeerMeasures}.
 */
public enum PeerMeasure implements DataCode {

	/** Médecin-traitant patients at 31 December per FTE of the given professions (the doctors). */
	MEDECIN_TRAITANT_PER_FTE("medecin_traitant_per_fte", "patients médecin traitant par ETP");

	private final String dataValue;

	private final String label;

	PeerMeasure(String dataValue, String label) {
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
