package fr.cds.remuneration.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the insurance-scheme codes in the order they are met, so that per-centre counters and
 * spilled rows hold a small number instead of the code.
 */
final class SchemeNumbers {

	/** Codes a dictionary may hold: the spill stores a number on two bytes. */
	static final int MAX = 65_535;

	private final Map<String, Integer> numbers = new HashMap<>();

	private final List<String> names = new ArrayList<>();

	/** The code's number, or -1 when the dictionary is full. */
	int number(String scheme) {
		Integer number = this.numbers.get(scheme);
		if (number == null) {
			if (this.names.size() == MAX) {
				return -1;
			}
			number = this.names.size();
			this.numbers.put(scheme, number);
			this.names.add(scheme);
		}
		return number;
	}

	/** The codes by number. */
	List<String> names() {
		return List.copyOf(this.names);
	}

}
