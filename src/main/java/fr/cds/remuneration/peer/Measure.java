package fr.cds.remuneration.peer;

/**
 * What the peer benchmark compares between centres of the same type, each a ratio computed from the
 * centre's result alone. {@code scale} is the precision at which a figure is published: a quartile
 * is compared with the centres' figures at that precision (see {@link PeerGroup}).
 */
public enum Measure {

	/** The forfait's total (after socle and prorata) per médecin-traitant patient at 31 December. */
	FORFAIT_PER_MT_PATIENT("Rémunération forfaitaire par patient médecin traitant", 2),
	/** The forfait's total per health-professional FTE. */
	FORFAIT_PER_FTE("Rémunération forfaitaire par ETP de professionnel de santé", 2),
	/** Optional commitments met among those the centre could meet, a fraction of 1. */
	COMMITMENTS_MET("Part des engagements optionnels atteints", 3);

	private final String label;

	private final int scale;

	Measure(String label, int scale) {
		this.label = label;
		this.scale = scale;
	}

	public String label() {
		return this.label;
	}

	/** Decimals of a published figure: cents for euros, a tenth of a percent for the share. */
	public int scale() {
		return this.scale;
	}

	public boolean isShare() {
		return this == COMMITMENTS_MET;
	}

}
