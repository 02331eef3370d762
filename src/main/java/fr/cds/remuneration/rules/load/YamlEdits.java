package fr.cds.remuneration.rules.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The edits {@link Amendments} makes to a composed YAML document: finding an element of a list by
 * its code, id or kind, setting a key of a mapping, copying a dated value over another period. New
 * nodes take the lines of the node that caused them, so that a problem found later names it.
 */
final class YamlEdits {

	private static final String FROM = "from";

	private static final String TO = "to";

	private YamlEdits() {
	}

	static Optional<YamlNode> find(YamlNode list, String key) {
		return list.list().stream().filter(item -> names(item, key)).findFirst();
	}

	static boolean names(YamlNode item, String key) {
		if (!(item.node() instanceof MappingNode)) {
			return false;
		}
		Map<String, YamlNode> fields = item.map();
		return List.of("code", "id", "kind").stream()
			.anyMatch(k -> fields.containsKey(k) && fields.get(k).node() instanceof ScalarNode s
					&& s.getValue().equals(key));
	}

	static void setKey(MappingNode mapping, String key, Node value) {
		List<NodeTuple> tuples = mapping.getValue();
		for (int i = 0; i < tuples.size(); i++) {
			if (tuples.get(i).getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
				tuples.set(i, new NodeTuple(tuples.get(i).getKeyNode(), value));
				return;
			}
		}
		tuples.add(new NodeTuple(scalar(key, YamlNode.of(value)), value));
	}

	/** A copy of a dated value over another period, lines kept (it is still the base's value). */
	static Node withPeriod(Node dated, int from, Integer to, YamlNode cause) {
		MappingNode original = (MappingNode) dated;
		List<NodeTuple> tuples = new ArrayList<>();
		original.getValue()
			.stream()
			.filter(t -> !(t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(TO)))
			.forEach(tuples::add);
		MappingNode copy = new MappingNode(original.getTag(), true, tuples, original.getStartMark(),
				original.getEndMark(), original.getFlowStyle());
		setKey(copy, FROM, scalar(Integer.toString(from), cause));
		if (to != null) {
			// right after from, where a reader expects it
			int at = 1 + indexOf(copy, FROM);
			copy.getValue().add(at, new NodeTuple(scalar(TO, cause), scalar(Integer.toString(to), cause)));
		}
		return copy;
	}

	static int indexOf(MappingNode mapping, String key) {
		for (int i = 0; i < mapping.getValue().size(); i++) {
			if (mapping.getValue().get(i).getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
				return i;
			}
		}
		return -1;
	}

	static ScalarNode scalar(String value, YamlNode at) {
		return new ScalarNode(Tag.STR, value, at.node().getStartMark(), at.node().getEndMark(),
				DumperOptions.ScalarStyle.PLAIN);
	}

	static YamlNode scalarPath(String path, YamlNode at) {
		return YamlNode.of(scalar(path, at));
	}

}
