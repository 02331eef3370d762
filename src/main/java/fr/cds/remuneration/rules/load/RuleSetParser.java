package fr.cds.remuneration.rules.load;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.common.Checksums;
import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.load.YamlNode.YamlException;
import fr.cds.remuneration.rules.model.AdvanceTerms;
import fr.cds.remuneration.rules.model.AnswerType;
import fr.cds.remuneration.rules.model.ComponentKind;
import fr.cds.remuneration.rules.model.ComponentRule;
import fr.cds.remuneration.rules.model.ComponentValue;
import fr.cds.remuneration.rules.model.Condition;
import fr.cds.remuneration.rules.model.Dated;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.Neutralisation;
import fr.cds.remuneration.rules.model.Parameters;
import fr.cds.remuneration.rules.model.PlausibilityBounds;
import fr.cds.remuneration.rules.model.PaymentRules;
import fr.cds.remuneration.rules.model.PatientBase;
import fr.cds.remuneration.rules.model.ProrataMethod;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Rounding;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.RuleSetLayer;
import fr.cds.remuneration.rules.model.Tier;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.Unit;
import fr.cds.remuneration.rules.model.UpliftScope;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * Reads a rule-set YAML file into a {@link RuleSet} and checks everything that can be checked
 * before computing: structure, unknown keys, every value's status, source and text, overlapping
 * or missing exercices, units, and the consistency of indicators. All problems are collected and
 * reported together, each with the file, the line, the rule and what is wrong.
 */
public final class RuleSetParser {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private static final Set<String> PROVENANCE_KEYS = Set.of("from", "to", "status", "source", "text");

	/** The population codes, as messages list them. */
	private static final String POPULATIONS = java.util.Arrays.stream(Population.values())
		.map(Population::dataValue)
		.collect(java.util.stream.Collectors.joining(", "));

	/** Written instead of a date that no source states. */
	private static final String UNKNOWN = "unknown";

	/** Parses and validates one file; {@code origin} names it in messages. */
	public RuleSet parse(String origin, byte[] content) {
		FileParser parser = new FileParser(List.of(fileName(origin)));
		YamlNode root = parser.guard("ruleset", () -> compose(content, 0));
		if (root == null) {
			throw new RuleSetException(parser.problems);
		}
		return parser.parse(root, List.of(new RuleSetLayer(origin, content)));
	}

	/**
	 * Validates the document an amendment produced ({@link Amendments}): its nodes carry the line of
	 * the layer they come from, encoded by {@link YamlNode#LAYER_LINES}, so that every problem names
	 * the file and line that caused it.
	 */
	static RuleSet parseMerged(YamlNode root, List<RuleSetLayer> layers) {
		return new FileParser(layers.stream().map(l -> fileName(l.name())).toList()).parse(root, layers);
	}

	/** Composes a YAML file, its lines counted in layer {@code layer} (0 for a base file). */
	static YamlNode compose(byte[] content, int layer) {
		try {
			Node node = new Yaml(new LoaderOptions())
				.compose(new StringReader(new String(content, StandardCharsets.UTF_8)));
			if (node == null) {
				throw new YamlException(1 + layer * YamlNode.LAYER_LINES, "empty file");
			}
			return layer == 0 ? YamlNode.of(node) : YamlNode.of(YamlNode.inLayer(node, layer));
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() == null ? 1 : ex.getProblemMark().getLine() + 1;
			throw new YamlException(line + layer * YamlNode.LAYER_LINES, "not valid YAML: " + ex.getProblem());
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

	/** State of the parsing of one file: what is known so far, and the problems found. */
	static final class FileParser {

		/** The file of each layer: the base file first, then the amendments. */
		private final List<String> files;

		final List<RuleProblem> problems = new ArrayList<>();

		private Map<String, String> sources = Map.of();

		private final Map<String, LegalText> texts = new LinkedHashMap<>();

		private Unit unit = Unit.POINTS;

		ExercicePeriod exercices = ExercicePeriod.from(0);

		/** Line of each indicator's definition, for messages about the indicator as a whole. */
		private final Map<String, Integer> indicatorLines = new LinkedHashMap<>();

		/** Indicators named by conditions, checked once every indicator is known. */
		private final List<IndicatorReference> indicatorReferences = new ArrayList<>();

		/** Codes of every indicator of the file, read or refused: a refused one is not also "unknown". */
		final Set<String> declaredCodes = new HashSet<>();

		FileParser(List<String> files) {
			this.files = files;
		}

		RuleSet parse(YamlNode document, List<RuleSetLayer> layers) {
			Map<String, YamlNode> root = guard("ruleset", () -> document
				.map(Set.of("ruleset", "version", "title", "unit", "exercices", "axes", "blocks", "sources", "texts",
						"parameters", "indicators", "neutralisations", "selection", PaymentRulesReader.MEDECIN_TRAITANT,
						PaymentRulesReader.ACT_SUPPLEMENTS, PaymentRulesReader.CONTRACT_AIDS)));
			if (root == null) {
				throw new RuleSetException(this.problems);
			}
			String id = guard("ruleset", () -> required(root, "ruleset", 1).string());
			String version = guard("version", () -> required(root, "version", 1).string());
			String title = guard("title", () -> required(root, "title", 1).string());
			Boolean namedOnly = root.containsKey("selection") ? guard("selection",
					() -> root.get("selection").oneOf(RuleSetParser::namedOnly, "by_exercice or named")) : Boolean.FALSE;
			Unit parsedUnit = guard("unit",
					() -> required(root, "unit", 1).oneOf(RuleSetParser::unitOf, "points or euros"));
			this.unit = parsedUnit == null ? Unit.POINTS : parsedUnit;
			ExercicePeriod parsedExercices = guard("exercices", () -> period(required(root, "exercices", 1), false));
			if (parsedExercices != null) {
				this.exercices = parsedExercices;
			}
			Map<String, String> axes = guard("axes", () -> labels(required(root, "axes", 1)));
			Map<String, String> blocks = root.containsKey("blocks") ? guard("blocks", () -> labels(root.get("blocks")))
					: Map.of();
			Map<String, String> parsedSources = guard("sources", () -> labels(required(root, "sources", 1)));
			this.sources = parsedSources == null ? Map.of() : parsedSources;
			guard("texts", () -> {
				YamlNode textList = required(root, "texts", 1);
				textList.list().forEach(this::readText);
				checkTextsGovernFirstExercice(textList);
				return null;
			});
			Parameters parameters = guard("parameters",
					() -> parameters(required(root, "parameters", 1).map(Set.of("point_value_eur", "rounding", "patient_base", "health_professions", "uplift_cap", "national_c2s_rate",
							"national_ame_rate", "prorata", "new_centre_declaration", "advance", "balance_due", "uplift_scope",
							"uplift_population", "prorata_full_year_if_signed_before", "plausibility"))));
			List<IndicatorRule> indicators = new ArrayList<>();
			YamlNode indicatorList = guard("indicators", () -> required(root, "indicators", 1));
			if (indicatorList != null) {
				List<YamlNode> nodes = guard("indicators", indicatorList::list);
				(nodes == null ? List.<YamlNode>of() : nodes).forEach(node -> this.declaredCodes.add(codeOf(node)));
				(nodes == null ? List.<YamlNode>of() : nodes).forEach(node -> {
					IndicatorRule indicator = guard(codeOf(node), () -> indicator(node,
							axes == null ? Map.of() : axes, blocks == null ? Map.of() : blocks));
					if (indicator != null) {
						indicators.add(indicator);
					}
				});
			}
			PaymentRules payments = new PaymentRulesReader(this).read(root);
			checkIndicatorSet(indicators);
			List<Neutralisation> neutralisations = root.containsKey("neutralisations")
					? neutralisations(root.get("neutralisations"), indicators) : List.of();
			if (!this.problems.isEmpty()) {
				throw new RuleSetException(this.problems);
			}
			return new RuleSet(id, version, title, this.unit, this.exercices, axes, blocks, this.sources,
					List.copyOf(this.texts.values()), parameters, List.copyOf(indicators), neutralisations, payments,
					layers.get(layers.size() - 1).name(), checksum(layers), layers, Boolean.TRUE.equals(namedOnly));
		}

		// ------------------------------------------------------------------ texts and sources

		private void readText(YamlNode node) {
			Map<String, YamlNode> fields = node.map(Set.of("id", "title", "signed", "approved", "published",
					"first_exercice", "status", "source"));
			String id = required(fields, "id", node.line()).string();
			guard(id, () -> {
				if (this.texts.containsKey(id)) {
					throw node.fail("text '" + id + "' is defined twice");
				}
				Provenance provenance = provenance(fields, node, id);
				LocalDate signed = knownOrUnknownDate(fields, "signed", node);
				LocalDate approved = knownOrUnknownDate(fields, "approved", node);
				LocalDate published = knownOrUnknownDate(fields, "published", node);
				if (signed == null && approved == null && published == null) {
					throw node.fail("text '" + id + "' has no known date: give at least its signature date");
				}
				if (isBefore(approved, signed) || isBefore(published, signed) || isBefore(published, approved)) {
					throw node.fail("text '" + id + "': dates out of order (signed " + signed + ", approved " + approved
							+ ", published " + published + ")");
				}
				int firstExercice = required(fields, "first_exercice", node.line()).integer();
				this.texts.put(id, new LegalText(id, required(fields, "title", node.line()).string(), signed, approved,
						published, firstExercice, provenance));
				return null;
			});
		}

		/** Every exercice needs a text that governs it, or no statement could name its latest text. */
		private void checkTextsGovernFirstExercice(YamlNode textList) {
			int first = this.exercices.from();
			if (!this.texts.isEmpty() && this.texts.values().stream().noneMatch(t -> t.firstExercice() <= first)) {
				throw textList.fail("missing exercice: no text governs " + first + ", the first exercice of the rule set");
			}
		}

		private Map<String, String> labels(YamlNode node) {
			Map<String, String> labels = new LinkedHashMap<>();
			node.map().forEach((key, value) -> labels.put(key, value.string()));
			return labels;
		}

		private Provenance provenance(Map<String, YamlNode> fields, YamlNode node, String defaultText) {
			if (!fields.containsKey("status")) {
				throw node.fail("value without status: add 'status: confirmed', 'analog' or 'placeholder'");
			}
			ValueStatus status = fields.get("status")
				.oneOf(v -> DataCode.parse(ValueStatus.class, v), "confirmed, analog or placeholder");
			if (!fields.containsKey("source")) {
				throw node.fail("value without source: add 'source: <key of the sources table>'");
			}
			YamlNode sourceNode = fields.get("source");
			String sourceId = sourceNode.string();
			if (!this.sources.containsKey(sourceId)) {
				throw sourceNode.fail("unknown source '" + sourceId + "' (add it to the sources table)");
			}
			String textId = defaultText;
			if (fields.containsKey("text")) {
				textId = fields.get("text").string();
				if (!this.texts.containsKey(textId)) {
					throw fields.get("text").fail("unknown text '" + textId + "'");
				}
			}
			else if (defaultText == null) {
				throw node.fail("missing 'text': which accord or avenant set this value?");
			}
			return new Provenance(status, sourceId, this.sources.get(sourceId), textId);
		}

		// ------------------------------------------------------------------------ timelines

		/**
		 * Reads a list of dated values. Periods must not overlap, must lie in {@code owner}, and,
		 * when {@code mustCover} is set, must leave no exercice of it without a value.
		 */
		<T> Timeline<T> timeline(String rule, YamlNode listNode, Set<String> valueKeys,
				Function<Map<String, YamlNode>, T> valueReader, ExercicePeriod owner, boolean mustCover) {
			Set<String> allowed = new HashSet<>(PROVENANCE_KEYS);
			allowed.addAll(valueKeys);
			List<Dated<T>> entries = new ArrayList<>();
			List<Integer> lines = new ArrayList<>();
			for (YamlNode entryNode : listNode.list()) {
				Dated<T> dated = guard(rule, () -> {
					Map<String, YamlNode> fields = entryNode.map(allowed);
					ExercicePeriod period = period(entryNode, true);
					if (!owner.covers(bounded(period, entryNode))) {
						throw entryNode.fail("value dated " + period + " lies outside the rule's exercices " + owner);
					}
					Provenance provenance = provenance(fields, entryNode, null);
					checkGoverned(period, provenance.textId(), entryNode);
					return new Dated<>(period, valueReader.apply(fields), provenance);
				});
				if (dated != null) {
					entries.add(dated);
					lines.add(entryNode.line());
				}
			}
			// a value refused above is already reported: its exercices are not "missing" on top of it
			boolean complete = entries.size() == listNode.list().size();
			for (int i = 0; i < entries.size(); i++) {
				for (int j = i + 1; j < entries.size(); j++) {
					if (entries.get(i).period().overlaps(entries.get(j).period())) {
						problem(lines.get(j), rule, "overlapping validity: values dated " + entries.get(i).period()
								+ " (line " + lines.get(i) + ") and " + entries.get(j).period() + " both apply");
					}
				}
			}
			if (mustCover && complete) {
				checkCoverage(rule, listNode.line(), entries, owner);
			}
			return new Timeline<>(entries);
		}

		private <T> void checkCoverage(String rule, int line, List<Dated<T>> entries, ExercicePeriod owner) {
			int last = owner.to() != null ? owner.to() : owner.from() + 100;
			List<Integer> missing = new ArrayList<>();
			for (int exercice = owner.from(); exercice <= last; exercice++) {
				int year = exercice;
				if (entries.stream().noneMatch(e -> e.period().contains(year))) {
					missing.add(year);
				}
			}
			if (!missing.isEmpty()) {
				String which = missing.size() > 10 ? missing.get(0) + " onwards" : missing.toString();
				problem(line, rule, "missing exercice: no value for " + which + " (the rule applies " + owner + ")");
			}
		}

		/**
		 * A value cannot apply before the first exercice of the text that set it: this is how a change
		 * made by a later avenant would leak into the exercices before it.
		 */
		private void checkGoverned(ExercicePeriod period, String textId, YamlNode node) {
			LegalText text = this.texts.get(textId);
			if (text != null && period.from() < text.firstExercice()) {
				throw node.fail("dated " + period + " but set by " + textId + ", which governs exercices from "
						+ text.firstExercice() + " only: a change must not apply before the text that made it");
			}
		}

		/** The part of {@code period} inside the rule set's exercices; none at all is a problem. */
		ExercicePeriod bounded(ExercicePeriod period, YamlNode node) {
			if (!period.overlaps(this.exercices)) {
				throw node.fail("period " + period + " lies outside the rule set's exercices " + this.exercices);
			}
			return period.within(this.exercices);
		}

		ExercicePeriod period(YamlNode node, boolean allowOtherKeys) {
			Map<String, YamlNode> fields = allowOtherKeys ? node.map() : node.map(Set.of("from", "to"));
			int from = required(fields, "from", node.line()).integer();
			Integer to = fields.containsKey("to") ? fields.get("to").integer() : null;
			if (to != null && to < from) {
				throw node.fail("period ends (" + to + ") before it starts (" + from + ")");
			}
			return new ExercicePeriod(from, to);
		}

		// ----------------------------------------------------------------------- parameters

		private Parameters parameters(Map<String, YamlNode> params) {
			boolean points = this.unit == Unit.POINTS;
			Timeline<BigDecimal> pointValue = parameter(params, "point_value_eur", points, f -> positive(f.get("value")));
			if (!points && params.containsKey("point_value_eur")) {
				problem(params.get("point_value_eur").line(), "point_value_eur",
						"a rule set in euros has no point value");
			}
			Timeline<Rounding> rounding = parameter(params, "rounding", true, f -> rounding(f.get("value")));
			Timeline<Map<CentreType, Population>> patientBase = parameter(params, "patient_base", true,
					f -> patientBase(f.get("value")));
			Timeline<Set<Profession>> healthProfessions = parameter(params, "health_professions", true,
					f -> professions(f.get("value")));
			boolean uplift = params.containsKey("uplift_cap") || params.containsKey("national_c2s_rate")
					|| params.containsKey("national_ame_rate");
			Timeline<BigDecimal> upliftCap = parameter(params, "uplift_cap", uplift, f -> rate(f.get("value")));
			Timeline<BigDecimal> c2s = parameter(params, "national_c2s_rate", uplift, f -> rate(f.get("value")));
			Timeline<BigDecimal> ame = parameter(params, "national_ame_rate", uplift, f -> rate(f.get("value")));
			Timeline<ProrataMethod> prorata = parameter(params, "prorata", true,
					f -> f.get("value").oneOf(v -> DataCode.parse(ProrataMethod.class, v), "days, signature or none"));
			Timeline<String> newCentre = parameter(params, "new_centre_declaration", false,
					f -> code(f.get("value")));
			Timeline<AdvanceTerms> advance = parameter(params, "advance", false, f -> advanceTerms(f.get("value")));
			Timeline<MonthDay> balanceDue = parameter(params, "balance_due", false, f -> monthDay(f.get("value")));
			Timeline<UpliftScope> upliftScope = parameter(params, "uplift_scope", false,
					f -> f.get("value").oneOf(v -> DataCode.parse(UpliftScope.class, v), "patient_variable or whole"));
			Timeline<Population> upliftPopulation = parameter(params, "uplift_population", false,
					f -> f.get("value").oneOf(v -> DataCode.parse(Population.class, v), POPULATIONS));
			if (!uplift && (params.containsKey("uplift_scope") || params.containsKey("uplift_population"))) {
				problem(0, "uplift_scope", "uplift_scope and uplift_population need an uplift (uplift_cap and the national rates)");
			}
			Timeline<LocalDate> fullYear = parameter(params, "prorata_full_year_if_signed_before", false,
					f -> f.get("value").date());
			PlausibilityBounds plausibility = params.containsKey("plausibility")
					? guard("plausibility", () -> plausibility(params.get("plausibility")))
					: null;
			return new Parameters(pointValue, rounding, patientBase, healthProfessions, upliftCap, c2s, ame,
					prorata, newCentre, advance, balanceDue, upliftScope, upliftPopulation, fullYear,
					plausibility == null ? PlausibilityBounds.none() : plausibility);
		}

		/** {@code {rate: 0.60, minimum_eur: 12000}}: a rate in ]0, 1], a minimum of 0 € or more. */
		private AdvanceTerms advanceTerms(YamlNode value) {
			Map<String, YamlNode> fields = value.map(Set.of("rate", "minimum_eur"));
			BigDecimal rate = rate(required(fields, "rate", value.line()));
			if (rate.signum() == 0) {
				throw fields.get("rate").fail("the advance rate must be above 0 (e.g. 0.60)");
			}
			BigDecimal minimum = required(fields, "minimum_eur", value.line()).decimal();
			if (minimum.signum() < 0) {
				throw fields.get("minimum_eur").fail("the advance minimum must be 0 € or more");
			}
			return new AdvanceTerms(rate, minimum);
		}

		/** A day of the year, {@code MM-dd} (quoted or not). */
		private MonthDay monthDay(YamlNode value) {
			try {
				return MonthDay.parse("--" + value.string());
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw value.fail("expected a month and day MM-dd (e.g. 04-30), found '" + value.string() + "'");
			}
		}

		/** The plausibility bounds: optional as a section, but each bound it names covers every exercice. */
		private PlausibilityBounds plausibility(YamlNode node) {
			Map<String, YamlNode> bounds = node.map(
					Set.of("acts_per_fte_day", "declared_count", "fte_per_profession", "earliest_adhesion",
							"extraction_lag_days"));
			int line = node.line();
			Timeline<BigDecimal> acts = bound(bounds, "acts_per_fte_day", line, f -> positive(value(f, line)));
			Timeline<Integer> count = bound(bounds, "declared_count", line, f -> value(f, line).integer());
			Timeline<BigDecimal> fte = bound(bounds, "fte_per_profession", line, f -> positive(value(f, line)));
			Timeline<LocalDate> adhesion = bound(bounds, "earliest_adhesion", line, f -> value(f, line).date());
			Timeline<Integer> lag = bound(bounds, "extraction_lag_days", line, f -> {
				int days = value(f, line).integer();
				if (days < 0) {
					throw value(f, line).fail("a number of days cannot be negative");
				}
				return days;
			});
			return new PlausibilityBounds(acts, count, fte, adhesion, lag);
		}

		/** One plausibility bound: every exercice of the rule set has a value, once the section is there. */
		private <T> Timeline<T> bound(Map<String, YamlNode> bounds, String name, int sectionLine,
				Function<Map<String, YamlNode>, T> valueReader) {
			YamlNode node = bounds.get(name);
			if (node == null) {
				problem(sectionLine, "plausibility", "missing bound '" + name + "': give every bound, or none");
				return new Timeline<>(List.of());
			}
			Timeline<T> timeline = guard("plausibility." + name,
					() -> timeline("plausibility." + name, node, Set.of("value"), valueReader, this.exercices, true));
			return timeline == null ? new Timeline<>(List.of()) : timeline;
		}

		private YamlNode value(Map<String, YamlNode> fields, int line) {
			return required(fields, "value", line);
		}

		private <T> Timeline<T> parameter(Map<String, YamlNode> params, String name, boolean required,
				Function<Map<String, YamlNode>, T> valueReader) {
			YamlNode node = params.get(name);
			if (node == null) {
				if (required) {
					problem(0, name, "missing parameter '" + name + "'");
				}
				return new Timeline<>(List.of());
			}
			Timeline<T> timeline = guard(name,
					() -> timeline(name, node, Set.of("value"), valueReader, this.exercices, required));
			return timeline == null ? new Timeline<>(List.of()) : timeline;
		}

		private Rounding rounding(YamlNode node) {
			Map<String, YamlNode> fields = node.map(Set.of("scale", "mode"));
			int scale = required(fields, "scale", node.line()).integer();
			RoundingMode mode = required(fields, "mode", node.line()).oneOf(m -> {
				try {
					return java.util.Optional.of(RoundingMode.valueOf(m));
				}
				catch (IllegalArgumentException ex) {
					return java.util.Optional.empty();
				}
			}, "HALF_UP, HALF_EVEN, DOWN…");
			return new Rounding(scale, mode);
		}

		private Map<CentreType, Population> patientBase(YamlNode node) {
			Map<CentreType, Population> bases = new EnumMap<>(CentreType.class);
			node.map().forEach((type, population) -> bases.put(
					CentreType.fromCode(type).orElseThrow(() -> population.fail("unknown centre type '" + type + "'")),
					population.oneOf(v -> DataCode.parse(Population.class, v), POPULATIONS)));
			if (bases.size() != CentreType.values().length) {
				throw node.fail("patient_base must give the patient list of every centre type (M, P, D, I)");
			}
			return bases;
		}

		// ----------------------------------------------------------------------- indicators

		private IndicatorRule indicator(YamlNode node, Map<String, String> axes, Map<String, String> blocks) {
			Map<String, YamlNode> f = node.map(Set.of("code", "label", "axis", "block", "answer", "max_level", "types",
					"validity", "socle", "minimum", "gate_only", "eligibility", "continues", "components", "socle_group"));
			String code = code(required(f, "code", node.line()));
			Integer firstDefinition = this.indicatorLines.putIfAbsent(code, node.line());
			if (firstDefinition != null) {
				throw node.fail("indicator defined twice (first at line " + firstDefinition + ")");
			}
			String label = required(f, "label", node.line()).string();
			YamlNode axisNode = required(f, "axis", node.line());
			String axis = axisNode.string();
			if (!axes.containsKey(axis)) {
				throw axisNode.fail("unknown axis '" + axis + "' (expected one of " + axes.keySet() + ")");
			}
			String block = null;
			if (f.containsKey("block")) {
				block = f.get("block").string();
				if (!blocks.containsKey(block)) {
					throw f.get("block").fail("unknown block '" + block + "' (expected one of " + blocks.keySet() + ")");
				}
			}
			AnswerType answer = required(f, "answer", node.line())
				.oneOf(v -> DataCode.parse(AnswerType.class, v), "yes_no, level, count, rate or automatic");
			Integer maxLevel = f.containsKey("max_level") ? f.get("max_level").integer() : null;
			if ((answer == AnswerType.LEVEL) != (maxLevel != null)) {
				throw node.fail("'max_level' is required for a level answer, and only for it");
			}
			Set<CentreType> types = types(required(f, "types", node.line()));
			YamlNode validityNode = required(f, "validity", node.line());
			ExercicePeriod validity = period(validityNode, true);
			String textId = textOf(validityNode, validity);
			ExercicePeriod applies = bounded(validity, validityNode);
			Timeline<Boolean> socle = timeline(code + ".socle", required(f, "socle", node.line()), Set.of("value"),
					v -> required(v, "value", node.line()).bool(), applies, true);
			Timeline<Integer> minimum = new Timeline<>(List.of());
			if (f.containsKey("minimum")) {
				if (answer != AnswerType.LEVEL && answer != AnswerType.COUNT && answer != AnswerType.RATE) {
					throw f.get("minimum").fail("'minimum' needs a level, count or rate answer");
				}
				minimum = timeline(code + ".minimum", f.get("minimum"), Set.of("value"),
						v -> positiveInt(v.get("value")), applies, true);
			}
			boolean gateOnly = f.containsKey("gate_only") && f.get("gate_only").bool();
			Resolved<Condition> eligibility = f.containsKey("eligibility")
					? condition(f.get("eligibility"), textId, code, applies) : null;
			List<YamlNode> componentNodes = f.containsKey("components") ? f.get("components").list() : List.of();
			List<ComponentRule> components = new ArrayList<>();
			for (YamlNode componentNode : componentNodes) {
				ComponentRule component = guard(code,
						() -> component(componentNode, code, answer, maxLevel, types, applies, textId));
				if (component != null) {
					components.add(component);
				}
			}
			checkPaysOrGates(node, socle, gateOnly, componentNodes.size(), components);
			Resolved<List<String>> continues = f.containsKey("continues") ? continues(f.get("continues"), textId)
					: null;
			String socleGroup = f.containsKey("socle_group") ? code(f.get("socle_group")) : null;
			return new IndicatorRule(code, label, axis, block, answer, maxLevel, validity, textId, types, socle, minimum,
					gateOnly, eligibility, List.copyOf(components), continues, socleGroup);
		}

		/**
		 * The indicators of the previous accord that this one continues ({@code indicators}), with the
		 * status and source of that reading of the texts. Whether they exist is checked against the
		 * other rule sets of the location ({@code RuleSetRepository}), not in this file.
		 */
		private Resolved<List<String>> continues(YamlNode node, String textId) {
			Map<String, YamlNode> f = node.map(Set.of("indicators", "status", "source", "text"));
			List<String> codes = required(f, "indicators", node.line()).list().stream().map(this::code).toList();
			if (codes.isEmpty()) {
				throw node.fail("'continues' names no indicator");
			}
			return new Resolved<>(codes, provenance(f, node, textId));
		}

		/**
		 * An indicator must pay something or gate the payment: a gate-only indicator (no components)
		 * must be socle in every exercice it applies to, and any other must have an amount that is not
		 * zero.
		 */
		private void checkPaysOrGates(YamlNode node, Timeline<Boolean> socle, boolean gateOnly, int declaredComponents,
				List<ComponentRule> components) {
			boolean everSocle = socle.entries().stream().anyMatch(Dated::value);
			if (gateOnly) {
				if (declaredComponents > 0) {
					throw node.fail("a gate-only indicator has no components");
				}
				List<ExercicePeriod> notSocle = socle.entries()
					.stream()
					.filter(e -> !e.value())
					.map(e -> e.period().within(this.exercices))
					.toList();
				if (!notSocle.isEmpty()) {
					throw node.fail("a gate-only indicator pays nothing, so it must be socle wherever it applies;"
							+ " it is not socle in " + notSocle.stream().map(ExercicePeriod::toString).toList());
				}
				return;
			}
			String noPay = everSocle ? "socle indicator with no points and no gate meaning: "
					: "indicator that can never pay anything: ";
			if (declaredComponents == 0) {
				throw node.fail(noPay + "add components, or 'gate_only: true' for a socle that only conditions payment");
			}
			boolean allZero = components.size() == declaredComponents && components.stream()
				.allMatch(c -> c.values().entries().stream().allMatch(v -> v.value().paysNothing()));
			if (allZero) {
				throw node.fail(noPay + "every amount is 0; use 'gate_only: true' for a socle that only conditions payment");
			}
		}

		private ComponentRule component(YamlNode node, String code, AnswerType answer, Integer maxLevel,
				Set<CentreType> indicatorTypes, ExercicePeriod indicatorValidity, String indicatorText) {
			Map<String, YamlNode> f = node.map(
					Set.of("kind", "label", "validity", "types", "condition", "base", "professions", "values"));
			ComponentKind kind = required(f, "kind", node.line())
				.oneOf(v -> DataCode.parse(ComponentKind.class, v), "fixed, levels, per_patient or per_professional");
			String label = f.containsKey("label") ? f.get("label").string() : null;
			ExercicePeriod validity = indicatorValidity;
			String textId = indicatorText;
			if (f.containsKey("validity")) {
				validity = bounded(period(f.get("validity"), true), f.get("validity"));
				textId = textOf(f.get("validity"), validity);
				if (!indicatorValidity.covers(validity)) {
					throw f.get("validity")
						.fail("component validity " + validity + " lies outside the indicator's " + indicatorValidity);
				}
			}
			Set<CentreType> types = indicatorTypes;
			if (f.containsKey("types")) {
				types = types(f.get("types"));
				if (!indicatorTypes.containsAll(types)) {
					throw f.get("types").fail("component types " + codes(types) + " are not all among the indicator's "
							+ codes(indicatorTypes));
				}
			}
			Resolved<Condition> condition = f.containsKey("condition")
					? condition(f.get("condition"), textId, code, validity) : null;
			PatientBase base = null;
			if (f.containsKey("base")) {
				if (kind != ComponentKind.PER_PATIENT) {
					throw f.get("base").fail("'base' only applies to a per_patient component");
				}
				base = f.get("base").oneOf(v -> DataCode.parse(PatientBase.class, v), "patients, c2s, ame, ald, handicap or file_active_equipe");
			}
			else if (kind == ComponentKind.PER_PATIENT) {
				base = PatientBase.PATIENTS;
			}
			Set<Profession> professions = Set.of();
			if (f.containsKey("professions")) {
				if (kind != ComponentKind.PER_PROFESSIONAL) {
					throw f.get("professions").fail("'professions' only applies to a per_professional component");
				}
				professions = professions(f.get("professions"));
			}
			if (kind == ComponentKind.LEVELS && answer != AnswerType.LEVEL) {
				throw node.fail("a levels component needs a level answer");
			}
			String amountKey = this.unit.dataKey();
			String otherKey = this.unit == Unit.POINTS ? Unit.EUROS.dataKey() : Unit.POINTS.dataKey();
			Set<String> valueKeys = switch (kind) {
				case FIXED -> Set.of(amountKey, otherKey, "max");
				case LEVELS -> Set.of(amountKey, otherKey, "cumulative");
				case PER_PATIENT -> Set.of(amountKey, otherKey, "tiers", "reference", "max");
				case PER_PROFESSIONAL -> Set.of(amountKey, otherKey, "tiers");
			};
			String rule = code + "." + kind.dataValue();
			Timeline<ComponentValue> values = timeline(rule, required(f, "values", node.line()), valueKeys,
					v -> componentValue(kind, v, node, answer, maxLevel), validity, true);
			return new ComponentRule(kind, label, validity, textId, types, condition, base, professions, values);
		}

		private ComponentValue componentValue(ComponentKind kind, Map<String, YamlNode> v, YamlNode owner,
				AnswerType answer, Integer maxLevel) {
			String otherKey = this.unit == Unit.POINTS ? Unit.EUROS.dataKey() : Unit.POINTS.dataKey();
			if (v.containsKey(otherKey)) {
				throw v.get(otherKey).fail("amount in " + otherKey + " in a rule set whose unit is " + this.unit.dataKey());
			}
			Integer max = null;
			if (v.containsKey("max")) {
				if (answer != AnswerType.COUNT) {
					throw v.get("max").fail("'max' (paid per declared item) needs a count answer");
				}
				max = positiveInt(v.get("max"));
			}
			return switch (kind) {
				case FIXED -> new ComponentValue.Fixed(amount(v, owner), max);
				case LEVELS -> {
					List<BigDecimal> amounts = required(v, this.unit.dataKey(), owner.line()).list(this::nonNegative);
					if (amounts.size() != maxLevel) {
						throw owner.fail("levels give " + amounts.size() + " amounts for max_level " + maxLevel);
					}
					boolean cumulative = required(v, "cumulative", owner.line()).bool();
					yield new ComponentValue.Levels(amounts, cumulative);
				}
				case PER_PATIENT -> new ComponentValue.PerPatient(positive(required(v, "reference", owner.line())),
						tiers(v, owner), max);
				case PER_PROFESSIONAL -> new ComponentValue.PerProfessional(tiers(v, owner));
			};
		}

		private BigDecimal amount(Map<String, YamlNode> v, YamlNode owner) {
			return nonNegative(required(v, this.unit.dataKey(), owner.line()));
		}

		/** Either a single open bracket ({@code points: 200}) or {@code tiers: [{up_to: 16, points: 200}, …]}. */
		private List<Tier> tiers(Map<String, YamlNode> v, YamlNode owner) {
			return tiers(v, owner, this.unit.dataKey());
		}

		/** As {@link #tiers(Map, YamlNode)}, with the amounts under {@code key}. */
		List<Tier> tiers(Map<String, YamlNode> v, YamlNode owner, String key) {
			if (v.containsKey("tiers") == v.containsKey(key)) {
				throw owner.fail("give either '" + key + "' or 'tiers', not both nor neither");
			}
			if (v.containsKey(key)) {
				return List.of(new Tier(null, nonNegative(v.get(key))));
			}
			List<Tier> tiers = new ArrayList<>();
			List<YamlNode> nodes = v.get("tiers").list();
			for (int i = 0; i < nodes.size(); i++) {
				YamlNode tierNode = nodes.get(i);
				Map<String, YamlNode> t = tierNode.map(Set.of("up_to", key));
				BigDecimal upTo = t.containsKey("up_to") ? positive(t.get("up_to")) : null;
				boolean last = i == nodes.size() - 1;
				if (last != (upTo == null)) {
					throw tierNode.fail("every bracket but the last needs 'up_to', and the last must be open");
				}
				if (upTo != null && !tiers.isEmpty() && upTo.compareTo(tiers.get(tiers.size() - 1).upTo()) <= 0) {
					throw tierNode.fail("brackets must be in increasing order of 'up_to'");
				}
				tiers.add(new Tier(upTo, nonNegative(required(t, key, tierNode.line()))));
			}
			return tiers;
		}

		/**
		 * @param owner code of the indicator the condition belongs to
		 * @param applies exercices of the rule that holds the condition
		 */
		Resolved<Condition> condition(YamlNode node, String textId, String owner, ExercicePeriod applies) {
			Map<String, YamlNode> f = node.map();
			String kind = required(f, "kind", node.line()).string();
			Set<String> common = Set.of("kind", "status", "source");
			Condition condition = switch (kind) {
				case "employs" -> {
					Map<String, YamlNode> c = node.map(union(common, "professions", "present"));
					yield new Condition.Employs(professions(required(c, "professions", node.line())),
							required(c, "present", node.line()).bool());
				}
				case "fte_ratio" -> {
					Map<String, YamlNode> c = node.map(union(common, "numerator", "denominator", "ratio", "minimum"));
					yield new Condition.FteRatio(professions(required(c, "numerator", node.line())),
							professions(required(c, "denominator", node.line())),
							nonNegative(required(c, "ratio", node.line())),
							nonNegative(required(c, "minimum", node.line())));
				}
				case "zone" -> {
					Map<String, YamlNode> c = node.map(union(common, "zones"));
					Set<Zone> zones = EnumSet.noneOf(Zone.class);
					required(c, "zones", node.line()).list()
						.forEach(z -> zones.add(z.oneOf(Zone::fromFileValue, "ZIP, ZAC or HORS_ZONE")));
					yield new Condition.InZone(zones);
				}
				case "declared_at_least" -> {
					Map<String, YamlNode> c = node.map(union(common, "indicator", "value"));
					YamlNode indicatorNode = required(c, "indicator", node.line());
					String indicator = code(indicatorNode);
					this.indicatorReferences.add(new IndicatorReference(owner, indicator, indicatorNode.line(), applies));
					yield new Condition.DeclaredAtLeast(indicator, positiveInt(required(c, "value", node.line())));
				}
				default -> throw f.get("kind")
					.fail("unknown condition '" + kind + "' (expected employs, fte_ratio, zone or declared_at_least)");
			};
			return new Resolved<>(condition, provenance(f, node, textId));
		}

		// --------------------------------------------------------- cross-indicator checks

		/**
		 * A condition of {@code owner} that names {@code indicator}, at {@code line}, in a rule that
		 * applies {@code applies}.
		 */
		private record IndicatorReference(String owner, String indicator, int line, ExercicePeriod applies) {
		}

		/**
		 * Every indicator named by a condition exists, and is in force wherever the condition
		 * applies: a condition on an indicator not in force could never be met, so the rule would
		 * silently never pay.
		 */
		private void checkIndicatorSet(List<IndicatorRule> indicators) {
			Map<String, IndicatorRule> defined = new HashMap<>();
			indicators.forEach(i -> defined.put(i.code(), i));
			for (IndicatorReference reference : this.indicatorReferences) {
				IndicatorRule named = defined.get(reference.indicator());
				if (named == null) {
					if (!this.declaredCodes.contains(reference.indicator())) {
						problem(reference.line(), reference.owner(),
								"unknown indicator '" + reference.indicator() + "' in a condition");
					}
					continue;
				}
				ExercicePeriod inForce = named.validity().within(this.exercices);
				if (!inForce.covers(reference.applies())) {
					problem(reference.line(), reference.owner(), "condition on " + reference.indicator()
							+ ", which is in force " + inForce + " only, in a rule that applies " + reference.applies());
				}
			}
		}

		private List<Neutralisation> neutralisations(YamlNode node, List<IndicatorRule> indicators) {
			List<Neutralisation> result = new ArrayList<>();
			List<YamlNode> items = guard("neutralisations", node::list);
			if (items == null) {
				return result;
			}
			for (YamlNode item : items) {
				Neutralisation neutralisation = guard("neutralisations", () -> {
					Map<String, YamlNode> f = item.map(
							Set.of("exercice", "indicator", "effect", "reason", "status", "source", "text"));
					int exercice = required(f, "exercice", item.line()).integer();
					if (!this.exercices.contains(exercice)) {
						throw item.fail("exercice " + exercice + " is outside the rule set's exercices " + this.exercices);
					}
					YamlNode indicatorNode = required(f, "indicator", item.line());
					String code = indicatorNode.string();
					if (!this.declaredCodes.contains(code)) {
						throw indicatorNode.fail("unknown indicator '" + code + "'");
					}
					IndicatorRule indicator = indicators.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
					if (indicator == null) {
						// defined but refused: already reported with its own problem
						return null;
					}
					if (result.stream().anyMatch(n -> n.exercice() == exercice && n.indicator().equals(code))) {
						throw indicatorNode.fail("indicator " + code + " is neutralised twice for " + exercice
								+ ": one decision per indicator and exercice");
					}
					if (!indicator.validity().contains(exercice)) {
						throw indicatorNode.fail("indicator " + code + " does not apply in " + exercice);
					}
					Neutralisation.Effect effect = required(f, "effect", item.line())
						.oneOf(v -> DataCode.parse(Neutralisation.Effect.class, v), "met or removed");
					String reason = required(f, "reason", item.line()).string();
					Provenance provenance = provenance(f, item, indicator.textId());
					checkGoverned(new ExercicePeriod(exercice, exercice), provenance.textId(), item);
					return new Neutralisation(exercice, code, effect, reason, provenance);
				});
				if (neutralisation != null) {
					result.add(neutralisation);
				}
			}
			return List.copyOf(result);
		}

		// -------------------------------------------------------------------------- scalars

		Set<CentreType> types(YamlNode node) {
			Set<CentreType> types = EnumSet.noneOf(CentreType.class);
			for (YamlNode item : node.list()) {
				types.add(item.oneOf(CentreType::fromCode, "M, P, D or I"));
			}
			if (types.isEmpty()) {
				throw node.fail("no centre type");
			}
			return types;
		}

		Set<Profession> professions(YamlNode node) {
			Set<Profession> professions = new LinkedHashSet<>();
			for (YamlNode item : node.list()) {
				professions.add(item.oneOf(Profession::fromName, "a profession such as INFIRMIER or IPA"));
			}
			if (professions.isEmpty()) {
				throw node.fail("no profession");
			}
			return EnumSet.copyOf(professions);
		}

		String code(YamlNode node) {
			String code = node.string();
			if (!CODE.matcher(code).matches()) {
				throw node.fail("'" + code + "' is not a code (capital letters, digits and _)");
			}
			return code;
		}

		BigDecimal nonNegative(YamlNode node) {
			BigDecimal value = node.decimal();
			if (value.signum() < 0) {
				throw node.fail("negative amount " + value);
			}
			return value;
		}

		BigDecimal positive(YamlNode node) {
			BigDecimal value = node.decimal();
			if (value.signum() <= 0) {
				throw node.fail("expected a positive number, found " + value);
			}
			return value;
		}

		int positiveInt(YamlNode node) {
			int value = node.integer();
			if (value <= 0) {
				throw node.fail("expected a positive whole number, found " + value);
			}
			return value;
		}

		BigDecimal rate(YamlNode node) {
			BigDecimal value = node.decimal();
			if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
				throw node.fail("a rate is between 0 and 1, found " + value);
			}
			return value;
		}

		/**
		 * A date every text must state: a date, or {@code unknown} when no source gives it, so that a
		 * missing date is a deliberate statement rather than an omission. {@code null} when unknown.
		 */
		private LocalDate knownOrUnknownDate(Map<String, YamlNode> fields, String key, YamlNode owner) {
			YamlNode node = fields.get(key);
			if (node == null) {
				throw owner.fail("missing '" + key + "': give the date, or 'unknown' if no source states it");
			}
			return node.string().equals(UNKNOWN) ? null : node.date();
		}

		private static boolean isBefore(LocalDate date, LocalDate reference) {
			return date != null && reference != null && date.isBefore(reference);
		}

		String textOf(YamlNode validityNode, ExercicePeriod validity) {
			Map<String, YamlNode> f = validityNode.map(Set.of("from", "to", "text"));
			YamlNode textNode = required(f, "text", validityNode.line());
			String textId = textNode.string();
			if (!this.texts.containsKey(textId)) {
				throw textNode.fail("unknown text '" + textId + "'");
			}
			checkGoverned(validity, textId, validityNode);
			return textId;
		}

		YamlNode required(Map<String, YamlNode> fields, String key, int line) {
			YamlNode node = fields.get(key);
			if (node == null) {
				throw new YamlException(line, "missing '" + key + "'");
			}
			return node;
		}

		// ------------------------------------------------------------------------- plumbing

		/** Runs one read; a structural problem is recorded against {@code rule} and yields null. */
		<T> T guard(String rule, Supplier<T> read) {
			try {
				return read.get();
			}
			catch (YamlException ex) {
				problem(ex.line(), rule, ex.getMessage());
				return null;
			}
		}

		void problem(int line, String rule, String message) {
			int layer = Math.min(line / YamlNode.LAYER_LINES, this.files.size() - 1);
			this.problems.add(new RuleProblem(this.files.get(layer), line % YamlNode.LAYER_LINES, rule, message));
		}

		String codeOf(YamlNode node) {
			try {
				return node.map().get("code").string();
			}
			catch (RuntimeException ex) {
				return "indicator at line " + node.line();
			}
		}

		static Set<String> union(Set<String> base, String... more) {
			Set<String> all = new HashSet<>(base);
			all.addAll(List.of(more));
			return all;
		}

		private static String codes(Set<CentreType> types) {
			return types.stream().sorted(Comparator.naturalOrder()).map(CentreType::code).toList().toString();
		}

	}

	/** {@code selection}: {@code named} for a rule set a run must name, {@code by_exercice} (default) otherwise. */
	private static java.util.Optional<Boolean> namedOnly(String value) {
		return switch (value) {
			case "named" -> java.util.Optional.of(true);
			case "by_exercice" -> java.util.Optional.of(false);
			default -> java.util.Optional.empty();
		};
	}

	private static java.util.Optional<Unit> unitOf(String value) {
		return java.util.Arrays.stream(Unit.values()).filter(u -> u.dataKey().equals(value)).findFirst();
	}

}
