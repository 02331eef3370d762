package fr.cds.remuneration.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The centres accepted for the run, numbered in FINESS order: every partition of the extract and
 * the duplicate search number them the same way, so that a spilled row names its centre in four
 * bytes.
 */
public final class KnownCentres {

	private final List<String> finess;

	private final Map<String, Integer> indexes;

	public KnownCentres(Collection<String> finess) {
		this.finess = finess.stream().sorted().toList();
		this.indexes = new HashMap<>(this.finess.size() * 2);
		for (int i = 0; i < this.finess.size(); i++) {
			this.indexes.put(this.finess.get(i), i);
		}
	}

	public int size() {
		return this.finess.size();
	}

	/** The centre's number, or -1 when it is not a known centre. */
	public int indexOf(String finess) {
		Integer index = this.indexes.get(finess);
		return index == null ? -1 : index;
	}

	public String finess(int index) {
		return this.finess.get(index);
	}

	public List<String> all() {
		return new ArrayList<>(this.finess);
	}

}
