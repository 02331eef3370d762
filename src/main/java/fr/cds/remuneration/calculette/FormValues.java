package fr.cds.remuneration.calculette;

import java.util.HashMap;
import java.util.Map;

/**
 * What the manager typed, field by field and as typed, so that a refused value is shown back as
 * it was entered. Never stored: it lives for one request.
 */
public record FormValues(Map<String, String> values) {

	public FormValues {
		Map<String, String> copy = new HashMap<>();
		values.forEach((name, value) -> {
			if (name != null && value != null) {
				copy.put(name, value);
			}
		});
		values = Map.copyOf(copy);
	}

	/** The value of {@code name}, {@code ""} when the field was left empty or not sent. */
	public String get(String name) {
		return this.values.getOrDefault(name, "");
	}

	public boolean isBlank(String name) {
		return get(name).isBlank();
	}

}
