package fr.cds.remuneration.rules.load;

import static fr.cds.remuneration.rules.load.RuleProblems.required;
import static fr.cds.remuneration.rules.load.YamlEdits.find;
import static fr.cds.remuneration.rules.load.YamlEdits.names;
import static fr.cds.remuneration.rules.load.YamlEdits.scalar;
import static fr.cds.remuneration.rules.load.YamlEdits.scalarPath;
import static fr.cds.remuneration.rules.load.YamlEdits.setKey;
import static fr.cds.remuneration.rules.load.YamlEdits.withPeriod;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.RuleSetLayer;

/**
 * Applies amendment files over a rule set, the way an avenant amends an accord (and the way
 * OpenFisca reforms edit parameters): the base file's document is composed again, each amendment's
 * changes edit it, and the result is validated by the very parser that reads a base file, every
 * problem named by the file and line that caused it (the base's or an amendment's).
 *
 * <p>An amendment file has {@code amends} (the base, {@code id@version}), {@code version} (the
 * version of the result), optionally {@code title}, {@code sources} and {@code texts} (added to the
 * base's), and {@code changes}, each one of:
 * <ul>
 * <li>{@code set: PATH, value: {from, [to], …, status, source, text}}: a dated value in force over
 * its period; the values of the list at PATH that it overlaps are cut around it (a value added or
 * changed);</li>
 * <li>{@code end: PATH, last: YEAR, text, status, source}: the rule or the list of values at PATH
 * ends after exercice YEAR (its later values are dropped, the open ones closed);</li>
 * <li>{@code add: PATH, value: {…}}: a new element (an indicator, a payment, a component, a
 * category) appended to the list at PATH;</li>
 * <li>{@code replace: PATH, value: …}: the node at PATH replaced (a label, the types, a condition).</li>
 * </ul>
 * PATH is a list of keys separated by {@code /}; in a list, a key names the element whose
 * {@code code}, {@code id} or {@code kind} it is (unique), or its position counted from 1:
 * {@code indicators/ACCES_HORAIRES/components/fixed/values},
 * {@code contract_aids/AIDE_INSTALLATION/values}, {@code parameters/point_value_eur}.
 */
public final class Amendments {

	private static final Set<String> AMENDMENT_KEYS = Set.of("amends", "version", "title", "sources", "texts",
			"changes");

	private static final Set<String> CHANGE_KEYS = Set.of("set", "end", "add", "replace", "value", "last", "text",
			"status", "source", "note");

	private static final String FROM = "from";

	private static final String TO = "to";

	private Amendments() {
	}

	/** Whether the composed file {@code root} is an amendment (it says what it {@code amends}). */
	static boolean isAmendment(YamlNode root) {
		return root.node() instanceof MappingNode && root.map().containsKey("amends");
	}

	/** The {@code id@version} an amendment file amends, or empty when it does not say. */
	public static Optional<String> amends(byte[] content) {
		try {
			return Optional.of(RuleSetParser.compose(content, 0).map().get("amends").string());
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * {@code base} with the amendment files applied in order, validated.
	 *
	 * @throws RuleSetException with every problem (file, line, rule, what is wrong)
	 */
	public static RuleSet apply(RuleSet base, List<RuleSetLayer> amendments) {
		List<RuleSetLayer> layers = new ArrayList<>(base.layers());
		layers.addAll(amendments);
		RuleProblems problems = new RuleProblems(layers.stream().map(l -> RuleSetParser.fileName(l.name())).toList());
		YamlNode document = RuleSetParser.compose(base.layers().get(0).content(), 0);
		Editor editor = new Editor(problems);
		for (int layer = 1; layer < layers.size() && problems.isEmpty(); layer++) {
			YamlNode amendment = problems.guard("amends", compose(layers.get(layer), layer));
			if (amendment != null) {
				editor.apply(document, amendment);
			}
		}
		problems.throwIfAny();
		return RuleSetParser.parseMerged(document, layers);
	}

	private static Supplier<YamlNode> compose(RuleSetLayer layer, int index) {
		return () -> RuleSetParser.compose(layer.content(), index);
	}

	/** Applies amendment files to the document, collecting their problems. */
	private static final class Editor {

		private final RuleProblems problems;

		Editor(RuleProblems problems) {
			this.problems = problems;
		}

		/** Edits {@code document} with the amendment's sources, texts and changes. */
		void apply(YamlNode document, YamlNode amendment) {
			Map<String, YamlNode> fields = guard("amends", () -> amendment.map(AMENDMENT_KEYS));
			if (fields == null) {
				return;
			}
			Map<String, YamlNode> root = document.map();
			String id = root.get("ruleset").string();
			String baseReference = id + "@" + root.get("version").string();
			guard("amends", () -> {
				YamlNode amends = required(fields, "amends", amendment.line());
				if (!amends.string().equals(baseReference)) {
					throw amends.fail("ce fichier modifie " + amends.string() + " mais est appliqué sur " + baseReference);
				}
				return null;
			});
			guard("version", () -> {
				YamlNode version = required(fields, "version", amendment.line());
				version.string();
				replaceKey(document, "version", version.node());
				return null;
			});
			if (fields.containsKey("title")) {
				guard("title", () -> replaceKey(document, "title", fields.get("title").node()));
			}
			if (fields.containsKey("sources")) {
				guard("sources", () -> addSources(document, fields.get("sources")));
			}
			if (fields.containsKey("texts")) {
				guard("texts", () -> addTexts(document, fields.get("texts")));
			}
			if (fields.containsKey("changes")) {
				List<YamlNode> changes = guard("changes", () -> fields.get("changes").list());
				(changes == null ? List.<YamlNode>of() : changes).forEach(change -> guard("changes", () -> change(document, change)));
			}
		}

		private Object addSources(YamlNode document, YamlNode sources) {
			YamlNode base = document.map().get("sources");
			Map<String, YamlNode> existing = base.map();
			for (Map.Entry<String, YamlNode> source : sources.map().entrySet()) {
				if (existing.containsKey(source.getKey())) {
					throw source.getValue().fail("la source '" + source.getKey() + "' est déjà définie par le jeu de base");
				}
				((MappingNode) base.node()).getValue()
					.add(new NodeTuple(scalar(source.getKey(), source.getValue()), source.getValue().node()));
			}
			return null;
		}

		private Object addTexts(YamlNode document, YamlNode texts) {
			SequenceNode base = (SequenceNode) document.map().get("texts").node();
			for (YamlNode text : texts.list()) {
				String id = text.map().containsKey("id") ? text.map().get("id").string() : null;
				if (id != null && find(YamlNode.of(base), id).isPresent()) {
					throw text.fail("le texte '" + id + "' est déjà défini par le jeu de base");
				}
				base.getValue().add(text.node());
			}
			return null;
		}

		private Object change(YamlNode document, YamlNode change) {
			Map<String, YamlNode> fields = change.map(CHANGE_KEYS);
			List<String> operations = fields.keySet().stream().filter(Set.of("set", "end", "add", "replace")::contains).toList();
			if (operations.size() != 1) {
				throw change.fail("une modification est exactement une opération parmi set, end, add et replace (trouvé : " + operations + ")");
			}
			String operation = operations.get(0);
			YamlNode pathNode = fields.get(operation);
			YamlNode target = resolve(document, pathNode);
			switch (operation) {
				case "set" -> set(target, required(fields, "value", change.line()), pathNode);
				case "end" -> {
					for (String key : List.of("text", "status", "source")) {
						required(fields, key, change.line()).string();
					}
					end(target.node(), required(fields, "last", change.line()).integer(),
							fields.get("last"));
				}
				case "add" -> add(target, required(fields, "value", change.line()), pathNode);
				default -> replace(document, pathNode, required(fields, "value", change.line()));
			}
			return null;
		}

		/** The node at {@code path} (keys separated by {@code /}). */
		private YamlNode resolve(YamlNode document, YamlNode path) {
			YamlNode current = document;
			String walked = "";
			for (String key : path.string().split("/")) {
				walked = walked.isEmpty() ? key : walked + "/" + key;
				Optional<YamlNode> next = child(current, key, path);
				if (next.isEmpty()) {
					throw path.fail("rien à '" + walked + "' dans le jeu de règles modifié");
				}
				current = next.get();
			}
			return current;
		}

		private Optional<YamlNode> child(YamlNode node, String key, YamlNode path) {
			if (node.node() instanceof MappingNode) {
				return Optional.ofNullable(node.map().get(key));
			}
			if (node.node() instanceof SequenceNode) {
				if (key.matches("\\d+")) {
					List<YamlNode> items = node.list();
					int position = Integer.parseInt(key);
					return position >= 1 && position <= items.size() ? Optional.of(items.get(position - 1))
							: Optional.empty();
				}
				List<YamlNode> named = node.list().stream().filter(item -> names(item, key)).toList();
				if (named.size() > 1) {
					throw path.fail("'" + key + "' désigne " + named.size() + " éléments de la liste : donnez sa position (1, 2, …)");
				}
				return named.stream().findFirst();
			}
			throw path.fail("'" + key + "' : le chemin traverse une valeur simple");
		}

		/** A dated value in force over its period: the values it overlaps are cut around it. */
		private void set(YamlNode timeline, YamlNode value, YamlNode path) {
			if (!(timeline.node() instanceof SequenceNode sequence)) {
				throw path.fail("set demande une liste de valeurs datées (from, to) ; pour une valeur simple, utilisez replace");
			}
			Map<String, YamlNode> fields = value.map();
			int from = required(fields, FROM, value.line()).integer();
			Integer to = fields.containsKey(TO) ? fields.get(TO).integer() : null;
			List<Node> kept = new ArrayList<>();
			for (Node existing : sequence.getValue()) {
				Map<String, YamlNode> dated = YamlNode.of(existing).map();
				if (!dated.containsKey(FROM)) {
					throw YamlNode.of(existing).fail("set demande une liste de valeurs datées : celle-ci n'a pas de 'from'");
				}
				int start = dated.get(FROM).integer();
				Integer end = dated.containsKey(TO) ? dated.get(TO).integer() : null;
				if (start < from) {
					kept.add(end != null && end < from ? existing : withPeriod(existing, start, from - 1, value));
				}
				if (to != null && (end == null || end > to)) {
					kept.add(withPeriod(existing, Math.max(start, to + 1), end, value));
				}
			}
			kept.add(value.node());
			kept.sort((a, b) -> Integer.compare(YamlNode.of(a).map().get(FROM).integer(),
					YamlNode.of(b).map().get(FROM).integer()));
			sequence.getValue().clear();
			sequence.getValue().addAll(kept);
		}

		/** Ends whatever is under {@code node} after exercice {@code last}. */
		private void end(Node node, int last, YamlNode cause) {
			if (node instanceof SequenceNode sequence) {
				List<Node> kept = new ArrayList<>();
				for (Node item : sequence.getValue()) {
					Map<String, YamlNode> fields = item instanceof MappingNode ? YamlNode.of(item).map() : Map.of();
					if (startsAfter(fields, last)) {
						continue;
					}
					kept.add(item);
				}
				sequence.getValue().clear();
				sequence.getValue().addAll(kept);
				kept.forEach(item -> end(item, last, cause));
			}
			else if (node instanceof MappingNode mapping) {
				Map<String, YamlNode> fields = YamlNode.of(node).map();
				if (fields.containsKey(FROM) && (!fields.containsKey(TO) || fields.get(TO).integer() > last)) {
					setKey(mapping, TO, scalar(Integer.toString(last), cause));
				}
				mapping.getValue().forEach(t -> end(t.getValueNode(), last, cause));
			}
		}

		/** A dated value that starts after {@code last}, or an element (a component) whose validity does. */
		private static boolean startsAfter(Map<String, YamlNode> fields, int last) {
			if (fields.containsKey(FROM)) {
				return fields.get(FROM).integer() > last;
			}
			YamlNode validity = fields.get("validity");
			return validity != null && validity.node() instanceof MappingNode && validity.map().containsKey(FROM)
					&& validity.map().get(FROM).integer() > last;
		}

		private void add(YamlNode list, YamlNode value, YamlNode path) {
			if (!(list.node() instanceof SequenceNode sequence)) {
				throw path.fail("add demande une liste (indicators, contract_aids, components, …)");
			}
			for (String key : List.of("code", "id")) {
				if (value.node() instanceof MappingNode && value.map().containsKey(key)
						&& find(list, value.map().get(key).string()).isPresent()) {
					throw value.fail("'" + value.map().get(key).string() + "' figure déjà dans " + path.string()
							+ " : utilisez set ou replace pour le modifier");
				}
			}
			sequence.getValue().add(value.node());
		}

		private void replace(YamlNode document, YamlNode path, YamlNode value) {
			String full = path.string();
			int slash = full.lastIndexOf('/');
			String key = full.substring(slash + 1);
			YamlNode parent = slash < 0 ? document : resolve(document, scalarPath(full.substring(0, slash), path));
			if (parent.node() instanceof MappingNode mapping) {
				setKey(mapping, key, value.node());
				return;
			}
			SequenceNode sequence = (SequenceNode) parent.node();
			YamlNode existing = child(parent, key, path).orElseThrow(() -> path.fail("rien à '" + full + "'"));
			sequence.getValue().replaceAll(n -> n == existing.node() ? value.node() : n);
		}

		private Object replaceKey(YamlNode document, String key, Node value) {
			setKey((MappingNode) document.node(), key, value);
			return null;
		}

		<T> T guard(String rule, Supplier<T> read) {
			return this.problems.guard(rule, read);
		}

	}

}
