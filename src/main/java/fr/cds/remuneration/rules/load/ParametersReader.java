package fr.cds.remuneration.rules.load;

import static fr.cds.remuneration.rules.load.RuleProblems.required;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.rules.model.AdvanceTerms;
import fr.cds.remuneration.rules.model.AdvanceTiming;
import fr.cds.remuneration.rules.model.Parameters;
import fr.cds.remuneration.rules.model.PlausibilityBounds;
import fr.cds.remuneration.rules.model.ProrataMethod;
import fr.cds.remuneration.rules.model.Rounding;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.Unit;
import fr.cds.remuneration.rules.model.UpliftScope;

/**
 * Reads the {@code parameters} section: the point value, rounding, patient lists, uplift, prorata,
 * advance and balance terms and the plausibility bounds, each a timeline of dated values that
 * covers every exercice of the rule set when the parameter is required.
 */
final class ParametersReader {

	/** The keys of the section; any other is refused as a typo. */
	static final Set<String> KEYS = Set.of("point_value_eur", "rounding", "patient_base", "health_professions",
			"uplift_cap", "national_c2s_rate", "national_ame_rate", "prorata", "new_centre_declaration", "advance",
			"balance_due", "uplift_scope", "uplift_population", "prorata_full_year_if_signed_before", "plausibility");

	/** The population codes, as messages list them. */
	private static final String POPULATIONS = java.util.Arrays.stream(Population.values())
		.map(Population::dataValue)
		.collect(Collectors.joining(", "));

	private final FileParser file;

	ParametersReader(FileParser file) {
		this.file = file;
	}

	Parameters read(Map<String, YamlNode> params) {
		boolean points = this.file.unit == Unit.POINTS;
		Timeline<BigDecimal> pointValue = parameter(params, "point_value_eur", points, f -> this.file.positive(f.get("value")));
		if (!points && params.containsKey("point_value_eur")) {
			this.file.problem(params.get("point_value_eur").line(), "point_value_eur",
					"un jeu de règles en euros n'a pas de valeur du point");
		}
		Timeline<Rounding> rounding = parameter(params, "rounding", true, f -> rounding(f.get("value")));
		Timeline<Map<CentreType, Population>> patientBase = parameter(params, "patient_base", true,
				f -> patientBase(f.get("value")));
		Timeline<Set<Profession>> healthProfessions = parameter(params, "health_professions", true,
				f -> this.file.professions(f.get("value")));
		boolean uplift = params.containsKey("uplift_cap") || params.containsKey("national_c2s_rate")
				|| params.containsKey("national_ame_rate");
		Timeline<BigDecimal> upliftCap = parameter(params, "uplift_cap", uplift, f -> this.file.rate(f.get("value")));
		Timeline<BigDecimal> c2s = parameter(params, "national_c2s_rate", uplift, f -> this.file.rate(f.get("value")));
		Timeline<BigDecimal> ame = parameter(params, "national_ame_rate", uplift, f -> this.file.rate(f.get("value")));
		Timeline<ProrataMethod> prorata = parameter(params, "prorata", true,
				f -> f.get("value").oneOf(v -> DataCode.parse(ProrataMethod.class, v), "days, signature ou none"));
		Timeline<String> newCentre = parameter(params, "new_centre_declaration", false,
				f -> this.file.code(f.get("value")));
		Timeline<AdvanceTerms> advance = parameter(params, "advance", false, f -> advanceTerms(f.get("value")));
		Timeline<MonthDay> balanceDue = parameter(params, "balance_due", false, f -> monthDay(f.get("value")));
		Timeline<UpliftScope> upliftScope = parameter(params, "uplift_scope", false,
				f -> f.get("value").oneOf(v -> DataCode.parse(UpliftScope.class, v), "patient_variable ou whole"));
		Timeline<Population> upliftPopulation = parameter(params, "uplift_population", false,
				f -> f.get("value").oneOf(v -> DataCode.parse(Population.class, v), POPULATIONS));
		if (!uplift && (params.containsKey("uplift_scope") || params.containsKey("uplift_population"))) {
			this.file.problem(0, "uplift_scope", "uplift_scope et uplift_population demandent une majoration (uplift_cap et les taux nationaux)");
		}
		Timeline<LocalDate> fullYear = parameter(params, "prorata_full_year_if_signed_before", false,
				f -> f.get("value").date());
		PlausibilityBounds plausibility = params.containsKey("plausibility")
				? this.file.guard("plausibility", () -> plausibility(params.get("plausibility")))
				: null;
		return new Parameters(pointValue, rounding, patientBase, healthProfessions, upliftCap, c2s, ame,
				prorata, newCentre, advance, balanceDue, upliftScope, upliftPopulation, fullYear,
				plausibility == null ? PlausibilityBounds.none() : plausibility);
	}

	/**
	 * {@code {rate: 0.60, minimum_eur: 12000, paid: during_exercice}}: a rate in ]0, 1], a minimum of
	 * 0 € or more, and optionally when it is paid (default: during the exercice).
	 */
	private AdvanceTerms advanceTerms(YamlNode value) {
		Map<String, YamlNode> fields = value.map(Set.of("rate", "minimum_eur", "paid"));
		BigDecimal rate = this.file.rate(required(fields, "rate", value.line()));
		if (rate.signum() == 0) {
			throw fields.get("rate").fail("le taux de l'avance doit être supérieur à 0 (par exemple 0.60)");
		}
		BigDecimal minimum = required(fields, "minimum_eur", value.line()).decimal();
		if (minimum.signum() < 0) {
			throw fields.get("minimum_eur").fail("le minimum de l'avance doit être d'au moins 0 €");
		}
		AdvanceTiming paid = fields.containsKey("paid") ? advanceTiming(fields.get("paid")) : null;
		return new AdvanceTerms(rate, minimum, paid);
	}

	/** The advance's timing; the reason in French, as the rule-set's maintainers at the Caisse read it. */
	private static AdvanceTiming advanceTiming(YamlNode paid) {
		String value = paid.string();
		return DataCode.parse(AdvanceTiming.class, value)
			.orElseThrow(() -> paid.fail("moment de versement de l'avance inconnu : '" + value + "' (attendu : "
					+ java.util.Arrays.stream(AdvanceTiming.values())
						.map(AdvanceTiming::dataValue)
						.collect(Collectors.joining(" ou "))
					+ ")"));
	}

	/** A day of the year, {@code MM-dd} (quoted or not). */
	private MonthDay monthDay(YamlNode value) {
		try {
			return MonthDay.parse("--" + value.string());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw value.fail("attendu : un mois et un jour MM-dd (par exemple 04-30), trouvé '" + value.string() + "'");
		}
	}

	/** The plausibility bounds: optional as a section, but each bound it names covers every exercice. */
	private PlausibilityBounds plausibility(YamlNode node) {
		Map<String, YamlNode> bounds = node.map(
				Set.of("acts_per_fte_day", "declared_count", "fte_per_profession", "earliest_adhesion",
						"extraction_lag_days"));
		int line = node.line();
		Timeline<BigDecimal> acts = bound(bounds, "acts_per_fte_day", line, f -> this.file.positive(value(f, line)));
		Timeline<Integer> count = bound(bounds, "declared_count", line, f -> value(f, line).integer());
		Timeline<BigDecimal> fte = bound(bounds, "fte_per_profession", line, f -> this.file.positive(value(f, line)));
		Timeline<LocalDate> adhesion = bound(bounds, "earliest_adhesion", line, f -> value(f, line).date());
		Timeline<Integer> lag = bound(bounds, "extraction_lag_days", line, f -> {
			int days = value(f, line).integer();
			if (days < 0) {
				throw value(f, line).fail("un nombre de jours ne peut pas être négatif");
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
			this.file.problem(sectionLine, "plausibility", "borne '" + name + "' manquante : donnez toutes les bornes, ou aucune");
			return new Timeline<>(List.of());
		}
		Timeline<T> timeline = this.file.guard("plausibility." + name,
				() -> this.file.timeline("plausibility." + name, node, Set.of("value"), valueReader, this.file.exercices, true));
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
				this.file.problem(0, name, "paramètre '" + name + "' manquant");
			}
			return new Timeline<>(List.of());
		}
		Timeline<T> timeline = this.file.guard(name,
				() -> this.file.timeline(name, node, Set.of("value"), valueReader, this.file.exercices, required));
		return timeline == null ? new Timeline<>(List.of()) : timeline;
	}

	private Rounding rounding(YamlNode node) {
		Map<String, YamlNode> fields = node.map(Set.of("scale", "mode"));
		int scale = required(fields, "scale", node.line()).integer();
		RoundingMode mode = required(fields, "mode", node.line()).oneOf(m -> {
			try {
				return Optional.of(RoundingMode.valueOf(m));
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}, "HALF_UP, HALF_EVEN, DOWN…");
		return new Rounding(scale, mode);
	}

	private Map<CentreType, Population> patientBase(YamlNode node) {
		Map<CentreType, Population> bases = new EnumMap<>(CentreType.class);
		node.map().forEach((type, population) -> bases.put(
				CentreType.fromCode(type).orElseThrow(() -> population.fail("type de centre inconnu '" + type + "'")),
				population.oneOf(v -> DataCode.parse(Population.class, v), POPULATIONS)));
		if (bases.size() != CentreType.values().length) {
			throw node.fail("patient_base doit donner la liste de patients de chaque type de centre (M, P, D, I)");
		}
		return bases;
	}

}
