package fr.cds.remuneration.rules.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a composed YAML document with typed, line-aware accessors. Every accessor fails with a
 * {@link YamlException} that says the line and what was expected, so that the rule-set loader can
 * report precise problems without checking types itself.
 */
final class YamlNode {

	/**
	 * Lines of the amendment files of a rule set are counted from {@code layer × LAYER_LINES}, so that
	 * a problem found in the merged document names the file it comes from (no file has that many lines).
	 */
	static final int LAYER_LINES = 1_000_000;

	private final Node node;

	private YamlNode(Node node) {
		this.node = node;
	}

	static YamlNode of(Node node) {
		return new YamlNode(node);
	}

	/** The node itself, for the amendments that edit a composed document. */
	Node node() {
		return this.node;
	}

	/** A copy of {@code node} and of everything under it, with its lines moved to layer {@code layer}. */
	static Node inLayer(Node node, int layer) {
		Mark start = shifted(node.getStartMark(), layer);
		Mark end = shifted(node.getEndMark(), layer);
		if (node instanceof ScalarNode scalar) {
			return new ScalarNode(scalar.getTag(), scalar.getValue(), start, end, scalar.getScalarStyle());
		}
		if (node instanceof SequenceNode sequence) {
			List<Node> items = new ArrayList<>();
			sequence.getValue().forEach(item -> items.add(inLayer(item, layer)));
			return new SequenceNode(sequence.getTag(), true, items, start, end, sequence.getFlowStyle());
		}
		MappingNode mapping = (MappingNode) node;
		List<NodeTuple> tuples = new ArrayList<>();
		mapping.getValue().forEach(t -> tuples.add(new NodeTuple(inLayer(t.getKeyNode(), layer), inLayer(t.getValueNode(), layer))));
		return new MappingNode(mapping.getTag(), true, tuples, start, end, mapping.getFlowStyle());
	}

	private static Mark shifted(Mark mark, int layer) {
		return mark == null ? null : new Mark(mark.getName(), mark.getIndex(), mark.getLine() + layer * LAYER_LINES,
				mark.getColumn(), mark.getBuffer(), mark.getPointer());
	}

	/** 1-based line of the node in its file. */
	int line() {
		return this.node.getStartMark().getLine() + 1;
	}

	Map<String, YamlNode> map() {
		if (!(this.node instanceof MappingNode mapping)) {
			throw fail("attendu : un dictionnaire (clé: valeur)");
		}
		Map<String, YamlNode> entries = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = YamlNode.of(tuple.getKeyNode()).string();
			if (entries.put(key, YamlNode.of(tuple.getValueNode())) != null) {
				throw YamlNode.of(tuple.getKeyNode()).fail("clé en double '" + key + "'");
			}
		}
		return entries;
	}

	/** The mapping's entries, refusing any key not in {@code allowed} (typos must not pass silently). */
	Map<String, YamlNode> map(Set<String> allowed) {
		Map<String, YamlNode> entries = map();
		for (String key : entries.keySet()) {
			if (!allowed.contains(key)) {
				throw entries.get(key).fail("clé inconnue '" + key + "' (attendu : l'une de " + new TreeSet<>(allowed) + ")");
			}
		}
		return entries;
	}

	List<YamlNode> list() {
		if (!(this.node instanceof SequenceNode sequence)) {
			throw fail("attendu : une liste");
		}
		List<YamlNode> items = new ArrayList<>();
		for (Node item : sequence.getValue()) {
			items.add(YamlNode.of(item));
		}
		return items;
	}

	<T> List<T> list(Function<YamlNode, T> reader) {
		return list().stream().map(reader).toList();
	}

	String string() {
		if (!(this.node instanceof ScalarNode scalar)) {
			throw fail("attendu : une valeur simple");
		}
		String value = scalar.getValue().strip();
		if (value.isEmpty() || value.equals("~") || value.equals("null")) {
			throw fail("valeur vide");
		}
		return value;
	}

	int integer() {
		try {
			return Integer.parseInt(string());
		}
		catch (NumberFormatException ex) {
			throw fail("attendu : un nombre entier, trouvé '" + string() + "'");
		}
	}

	BigDecimal decimal() {
		try {
			return new BigDecimal(string());
		}
		catch (NumberFormatException ex) {
			throw fail("attendu : un nombre, trouvé '" + string() + "'");
		}
	}

	boolean bool() {
		return switch (string()) {
			case "true" -> true;
			case "false" -> false;
			default -> throw fail("attendu : true ou false, trouvé '" + string() + "'");
		};
	}

	LocalDate date() {
		try {
			return LocalDate.parse(string());
		}
		catch (DateTimeParseException ex) {
			throw fail("attendu : une date aaaa-mm-jj, trouvé '" + string() + "'");
		}
	}

	/** Parses the scalar with {@code parser}, failing with the accepted values when it does not fit. */
	<T> T oneOf(Function<String, Optional<T>> parser, String expected) {
		String value = string();
		return parser.apply(value).orElseThrow(() -> fail("valeur inconnue '" + value + "' (attendu : " + expected + ")"));
	}

	YamlException fail(String problem) {
		return new YamlException(line(), problem);
	}

	/** A structural problem at a line of the file. */
	static final class YamlException extends RuntimeException {

		private final int line;

		YamlException(int line, String problem) {
			super(problem);
			this.line = line;
		}

		int line() {
			return this.line;
		}

	}

}
