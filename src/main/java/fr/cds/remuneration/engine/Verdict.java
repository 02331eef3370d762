package fr.cds.remuneration.engine;

/** What became of an indicator for a centre. */
public enum Verdict {

	MET("atteint"),
	NOT_MET("non atteint"),
	/** Deemed met: national neutralisation, or the new-centre derogation for the socle. */
	DEEMED_MET("réputé atteint"),
	/** The indicator's eligibility condition is not fulfilled by the centre. */
	NOT_ELIGIBLE("non éligible"),
	/** Removed for everyone by a national neutralisation. */
	REMOVED("retiré");

	private final String label;

	Verdict(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean counts() {
		return this == MET || this == DEEMED_MET;
	}

}
