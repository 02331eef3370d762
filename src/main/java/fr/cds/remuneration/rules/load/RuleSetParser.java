package fr.cds.remuneration.rules.load;

import static fr.cds.remuneration.rules.load.RuleProblems.required;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

import fr.cds.remuneration.common.Checksums;
import fr.cds.remuneration.rules.load.YamlNode.YamlException;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.Neutralisation;
import fr.cds.remuneration.rules.model.Parameters;
import fr.cds.remuneration.rules.model.PaymentRules;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.RuleSetLayer;
import fr.cds.remuneration.rules.model.Unit;

/**
 * Reads a rule-set YAML file into a {@link RuleSet} and checks everything that can be checked
 * before computing: structure, unknown keys, every value's status, source and text, overlapping
 * or missing exercices, units, and the consistency of indicators. All problems are collected and
 * reported together, each with the file, the line, the rule and what is wrong.
 *
 * <p>This class reads the header of the file (id, version, unit, exercices, axes, blocks, sources)
 * and runs one reader per section in the order the sections depend on each other: texts, then
 * parameters, indicators, payments, the cross-checks of conditions against indicators, and the
 * neutralisations. The state they share is a {@link FileParser}.
 */
public final class RuleSetParser {

	/** The top-level keys of a rule-set file; any other is refused as a typo. */
	private static final Set<String> ROOT_KEYS = Stream.concat(Stream.of("ruleset", "version", "title", "unit",
			"exercices", "axes", "blocks", "sources", "texts", "parameters", "indicators", "neutralisations", "selection"),
			PaymentRulesReader.SECTIONS.stream()).collect(Collectors.toUnmodifiableSet());

	/** Parses and validates one file; {@code origin} names it in messages. */
	public RuleSet parse(String origin, byte[] content) {
		return parse(origin, content, false).orElseThrow();
	}

	/**
	 * The rule set a file of a rule-set directory defines, parsed and validated, or empty when the
	 * file is an amendment (it says what it {@code amends}). The YAML is composed once for both
	 * (issue 21: the first of two compositions was 9 of the 15 samples of the rule loading at a national
	 * run's start).
	 */
	public Optional<RuleSet> parseUnlessAmendment(String origin, byte[] content) {
		return parse(origin, content, true);
	}

	private Optional<RuleSet> parse(String origin, byte[] content, boolean unlessAmendment) {
		FileParser file = new FileParser(List.of(fileName(origin)));
		YamlNode root = file.guard("ruleset", () -> compose(content, 0));
		if (root == null) {
			throw new RuleSetException(file.problems.list());
		}
		if (unlessAmendment && Amendments.isAmendment(root)) {
			return Optional.empty();
		}
		return Optional.of(read(file, root, List.of(new RuleSetLayer(origin, content))));
	}

	/**
	 * Validates the document an amendment produced ({@link Amendments}): its nodes carry the line of
	 * the layer they come from, encoded by {@link YamlNode#LAYER_LINES}, so that every problem names
	 * the file and line that caused it.
	 */
	static RuleSet parseMerged(YamlNode root, List<RuleSetLayer> layers) {
		return read(new FileParser(layers.stream().map(l -> fileName(l.name())).toList()), root, layers);
	}

	/** Composes a YAML file, its lines counted in layer {@code layer} (0 for a base file). */
	static YamlNode compose(byte[] content, int layer) {
		try {
			Node node = new Yaml(new LoaderOptions())
				.compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
			if (node == null) {
				throw new YamlException(1 + layer * YamlNode.LAYER_LINES, "fichier vide");
			}
			return layer == 0 ? YamlNode.of(node) : YamlNode.of(YamlNode.inLayer(node, layer));
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 1 : ex.getProblemMark().getLine() + 1;
			throw new YamlException(line + layer * YamlNode.LAYER_LINES, "YAML invalide : " + ex.getProblem());
		}
	}

	/** The checksum of a rule set's files: the file's own for a plain file, else of every layer in order. */
	static String checksum(List<RuleSetLayer> layers) {
		if (layers.size() == 1) {
			return Checksums.sha256(layers.get(0).content());
		}
		StringBuilder each = new StringBuilder();
		layers.forEach(l -> each.append(Checksums.sha256(l.content())).append('\n'));
		return Checksums.sha256(each.toString().getBytes(StandardCharsets.UTF_8));
	}

	/** The file name of {@code origin} (a path or a classpath resource name), as messages name it. */
	public static String fileName(String origin) {
		int slash = Math.max(origin.lastIndexOf('/'), origin.lastIndexOf('\\'));
		return slash >= 0 ? origin.substring(slash + 1) : origin;
	}

	/** Reads the document of one file (or of a base and its amendments) with the readers of every section. */
	private static RuleSet read(FileParser file, YamlNode document, List<RuleSetLayer> layers) {
		Map<String, YamlNode> root = file.guard("ruleset", () -> document.map(ROOT_KEYS));
		if (root == null) {
			throw new RuleSetException(file.problems.list());
		}
		String id = file.guard("ruleset", () -> required(root, "ruleset", 1).string());
		String version = file.guard("version", () -> required(root, "version", 1).string());
		String title = file.guard("title", () -> required(root, "title", 1).string());
		Boolean namedOnly = root.containsKey("selection") ? file.guard("selection",
				() -> root.get("selection").oneOf(RuleSetParser::namedOnly, "by_exercice ou named")) : Boolean.FALSE;
		Unit parsedUnit = file.guard("unit",
				() -> required(root, "unit", 1).oneOf(RuleSetParser::unitOf, "points ou euros"));
		file.unit = parsedUnit == null ? Unit.POINTS : parsedUnit;
		ExercicePeriod parsedExercices = file.guard("exercices", () -> file.period(required(root, "exercices", 1), false));
		if (parsedExercices != null) {
			file.exercices = parsedExercices;
		}
		Map<String, String> axes = file.guard("axes", () -> labels(required(root, "axes", 1)));
		Map<String, String> blocks = root.containsKey("blocks") ? file.guard("blocks", () -> labels(root.get("blocks")))
				: Map.of();
		Map<String, String> parsedSources = file.guard("sources", () -> labels(required(root, "sources", 1)));
		file.sources = parsedSources == null ? Map.of() : parsedSources;
		file.guard("texts", () -> {
			new TextsReader(file).read(required(root, "texts", 1));
			return null;
		});
		Parameters parameters = file.guard("parameters", () -> new ParametersReader(file)
			.read(required(root, "parameters", 1).map(ParametersReader.KEYS)));
		List<IndicatorRule> indicators = indicators(file, root, axes == null ? Map.of() : axes,
				blocks == null ? Map.of() : blocks);
		PaymentRules payments = new PaymentRulesReader(file).read(root);
		file.indicatorReferences.check(indicators, file.declaredCodes, file.exercices, file.problems);
		List<Neutralisation> neutralisations = root.containsKey("neutralisations")
				? new NeutralisationsReader(file).read(root.get("neutralisations"), indicators) : List.of();
		file.problems.throwIfAny();
		return new RuleSet(id, version, title, file.unit, file.exercices, axes, blocks, file.sources,
				List.copyOf(file.texts.values()), parameters, List.copyOf(indicators), neutralisations, payments,
				layers.get(layers.size() - 1).name(), checksum(layers), layers, Boolean.TRUE.equals(namedOnly));
	}

	/**
	 * The indicators read; every code of the section is known first, so that a condition on an
	 * indicator refused for its own problem is not also reported as "unknown".
	 */
	private static List<IndicatorRule> indicators(FileParser file, Map<String, YamlNode> root,
			Map<String, String> axes, Map<String, String> blocks) {
		List<IndicatorRule> indicators = new ArrayList<>();
		YamlNode indicatorList = file.guard("indicators", () -> required(root, "indicators", 1));
		if (indicatorList == null) {
			return indicators;
		}
		List<YamlNode> nodes = file.guard("indicators", indicatorList::list);
		(nodes == null ? List.<YamlNode>of() : nodes).forEach(node -> file.declaredCodes.add(file.codeOf(node)));
		IndicatorReader reader = new IndicatorReader(file);
		(nodes == null ? List.<YamlNode>of() : nodes).forEach(node -> {
			IndicatorRule indicator = file.guard(file.codeOf(node), () -> reader.read(node, axes, blocks));
			if (indicator != null) {
				indicators.add(indicator);
			}
		});
		return indicators;
	}

	private static Map<String, String> labels(YamlNode node) {
		Map<String, String> labels = new LinkedHashMap<>();
		node.map().forEach((key, value) -> labels.put(key, value.string()));
		return labels;
	}

	/** {@code selection}: {@code named} for a rule set a run must name, {@code by_exercice} (default) otherwise. */
	private static Optional<Boolean> namedOnly(String value) {
		return switch (value) {
			case "named" -> Optional.of(true);
			case "by_exercice" -> Optional.of(false);
			default -> Optional.empty();
		};
	}

	private static Optional<Unit> unitOf(String value) {
		return Arrays.stream(Unit.values()).filter(u -> u.dataKey().equals(value)).findFirst();
	}

}
