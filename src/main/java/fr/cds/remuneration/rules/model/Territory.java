package fr.cds.remuneration.rules.model;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.common.DataCode;

/**
 * Metropolitan France or the overseas départements (DROM: 971 Guadeloupe, 972 Martinique, 973
 * Guyane, 974 La Réunion, 976 Mayotte), derived from the département of the centre's FINESS row:
 * some aids pay a different amount overseas (the IPA training aid).
 */
public enum Territory implements DataCode {

	METROPOLE("metropole", "France métropolitaine"),
	DROM("drom", "départements et régions d'outre-mer");

	private final String dataValue;

	private final String label;

	Territory(String dataValue, String label) {
		this.dataValue = dataValue;
		this.label = label;
	}

	/** DROM when the centre's département is 97x (the only overseas codes of the COG table), else metropolitan. */
	public static Territory of(Centre centre) {
		return centre.region().departement().startsWith("97") ? DROM : METROPOLE;
	}

	@Override
	public String dataValue() {
		return this.dataValue;
	}

	public String label() {
		return this.label;
	}

}
