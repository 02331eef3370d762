package fr.cds.remuneration.rules.model;

/** Unit in which a rule set expresses its amounts: points (2015 accord) or euros (2025 accord). */
public enum Unit {

	POINTS("points", "pts"), EUROS("euros", "€");

	private final String dataKey;

	private final String symbol;

	Unit(String dataKey, String symbol) {
		this.dataKey = dataKey;
		this.symbol = symbol;
	}

	/** Key under which amounts are written in the rule data ({@code points:} or {@code euros:}). */
	public String dataKey() {
		return this.dataKey;
	}

	public String symbol() {
		return this.symbol;
	}

}
