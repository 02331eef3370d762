package fr.cds.remuneration.centre;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Zoning of the centre's location for the aids reserved to under-served areas: ZIP (zone
 * d'intervention prioritaire), ZAC (zone d'action complémentaire), or neither.
 */
public enum Zone {

	ZIP("zone d'intervention prioritaire"), ZAC("zone d'action complémentaire"), HORS_ZONE("hors zone");

	private final String label;

	Zone(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public static Optional<Zone> fromFileValue(String value) {
		String normalised = value.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(z -> z.name().equals(normalised)).findFirst();
	}

}
