package fr.cds.remuneration.rules.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import fr.cds.remuneration.rules.load.YamlNode.YamlException;

/**
 * The problems found in the files of one rule set, collected rather than thrown one at a time: an
 * operator fixing a file sees every problem of it at once, each with its file and line. Shared by
 * the readers of a base file and by the amendments, so that both report a missing field or a
 * structural problem the same way.
 */
final class RuleProblems {

	/** The file of each layer: the base file first, then the amendments. */
	private final List<String> files;

	private final List<RuleProblem> problems = new ArrayList<>();

	RuleProblems(List<String> files) {
		this.files = files;
	}

	/** Runs one read; a structural problem is recorded against {@code rule} and yields null. */
	<T> T guard(String rule, Supplier<T> read) {
		try {
			return read.get();
		}
		catch (YamlException ex) {
			add(ex.line(), rule, ex.getMessage());
			return null;
		}
	}

	/**
	 * Records a problem at {@code line}, a line of the merged document: its layer (see
	 * {@link YamlNode#LAYER_LINES}) says which file it is in.
	 */
	void add(int line, String rule, String message) {
		int layer = Math.min(line / YamlNode.LAYER_LINES, this.files.size() - 1);
		this.problems.add(new RuleProblem(this.files.get(layer), line % YamlNode.LAYER_LINES, rule, message));
	}

	boolean isEmpty() {
		return this.problems.isEmpty();
	}

	List<RuleProblem> list() {
		return this.problems;
	}

	/** Refuses the rule set with every problem found so far, if any. */
	void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new RuleSetException(this.problems);
		}
	}

	/** The field {@code key}, or a "missing" problem at {@code line} (the line of its owner). */
	static YamlNode required(Map<String, YamlNode> fields, String key, int line) {
		YamlNode node = fields.get(key);
		if (node == null) {
			throw new YamlException(line, "'" + key + "' manquant");
		}
		return node;
	}

}
