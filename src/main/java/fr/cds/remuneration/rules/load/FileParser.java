package fr.cds.remuneration.rules.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.rules.model.Condition;
import fr.cds.remuneration.rules.model.Dated;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Tier;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.Unit;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * What the readers of one rule-set file share: what is known so far (the sources, texts, unit and
 * exercices read first, the codes of the indicators, the indicators named by conditions), the
 * problems found, and the readers of the values every section uses: provenance, timelines of
 * dated values, periods, codes and amounts. Each section has its own reader ({@link TextsReader},
 * {@link ParametersReader}, {@link IndicatorReader}, {@link NeutralisationsReader},
 * {@link PaymentRulesReader}); {@link RuleSetParser} runs them in order.
 */
final class FileParser {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	private static final Set<String> PROVENANCE_KEYS = Set.of("from", "to", "status", "source", "text");

	final RuleProblems problems;

	/** The {@code sources} table, set once read: every value names one of its keys. */
	Map<String, String> sources = Map.of();

	/** The texts read so far, by id: every value names one. */
	final Map<String, LegalText> texts = new LinkedHashMap<>();

	/** The unit of the file's amounts, set once read. */
	Unit unit = Unit.POINTS;

	/** The exercices of the rule set, set once read: every value lies within them. */
	ExercicePeriod exercices = ExercicePeriod.from(0);

	/** Indicators named by conditions, checked once every indicator is known. */
	final IndicatorReferences indicatorReferences = new IndicatorReferences();

	/** Codes of every indicator of the file, read or refused: a refused one is not also "unknown". */
	final Set<String> declaredCodes = new HashSet<>();

	private final ConditionReader conditions = new ConditionReader(this);

	FileParser(List<String> files) {
		this.problems = new RuleProblems(files);
	}

	// ------------------------------------------------------------------------- problems

	/** Runs one read; a structural problem is recorded against {@code rule} and yields null. */
	<T> T guard(String rule, Supplier<T> read) {
		return this.problems.guard(rule, read);
	}

	void problem(int line, String rule, String message) {
		this.problems.add(line, rule, message);
	}

	YamlNode required(Map<String, YamlNode> fields, String key, int line) {
		return RuleProblems.required(fields, key, line);
	}

	/** The code of an indicator or payment node, for a problem about it, even when unreadable. */
	String codeOf(YamlNode node) {
		try {
			return node.map().get("code").string();
		}
		catch (RuntimeException ex) {
			return "indicateur de la ligne " + node.line();
		}
	}

	// ---------------------------------------------------------------------- provenance

	Provenance provenance(Map<String, YamlNode> fields, YamlNode node, String defaultText) {
		if (!fields.containsKey("status")) {
			throw node.fail("valeur sans statut : ajoutez 'status: confirmed', 'analog' ou 'placeholder'");
		}
		ValueStatus status = fields.get("status")
			.oneOf(v -> DataCode.parse(ValueStatus.class, v), "confirmed, analog ou placeholder");
		if (!fields.containsKey("source")) {
			throw node.fail("valeur sans source : ajoutez 'source: <clé de la table des sources>'");
		}
		YamlNode sourceNode = fields.get("source");
		String sourceId = sourceNode.string();
		if (!this.sources.containsKey(sourceId)) {
			throw sourceNode.fail("source inconnue '" + sourceId + "' (ajoutez-la à la table des sources)");
		}
		String textId = defaultText;
		if (fields.containsKey("text")) {
			textId = fields.get("text").string();
			if (!this.texts.containsKey(textId)) {
				throw fields.get("text").fail("texte inconnu '" + textId + "'");
			}
		}
		else if (defaultText == null) {
			throw node.fail("'text' manquant : quel accord ou avenant a fixé cette valeur ?");
		}
		return new Provenance(status, sourceId, this.sources.get(sourceId), textId);
	}

	String textOf(YamlNode validityNode, ExercicePeriod validity) {
		Map<String, YamlNode> f = validityNode.map(Set.of("from", "to", "text"));
		YamlNode textNode = required(f, "text", validityNode.line());
		String textId = textNode.string();
		if (!this.texts.containsKey(textId)) {
			throw textNode.fail("texte inconnu '" + textId + "'");
		}
		checkGoverned(validity, textId, validityNode);
		return textId;
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
					throw entryNode.fail("valeur datée " + period + " hors des exercices de la règle " + owner);
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
					problem(lines.get(j), rule, "validités qui se chevauchent : les valeurs datées " + entries.get(i).period()
							+ " (ligne " + lines.get(i) + ") et " + entries.get(j).period() + " s'appliquent toutes deux");
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
			String which = missing.size() > 10 ? missing.get(0) + " et suivants" : missing.toString();
			problem(line, rule, "exercice manquant : aucune valeur pour " + which + " (la règle s'applique en " + owner + ")");
		}
	}

	/**
	 * A value cannot apply before the first exercice of the text that set it: this is how a change
	 * made by a later avenant would leak into the exercices before it.
	 */
	void checkGoverned(ExercicePeriod period, String textId, YamlNode node) {
		LegalText text = this.texts.get(textId);
		if (text != null && period.from() < text.firstExercice()) {
			throw node.fail("datée " + period + " mais fixée par " + textId + ", qui ne régit les exercices qu'à partir de "
					+ text.firstExercice() + " : une modification ne s'applique pas avant le texte qui l'a faite");
		}
	}

	/** The part of {@code period} inside the rule set's exercices; none at all is a problem. */
	ExercicePeriod bounded(ExercicePeriod period, YamlNode node) {
		if (!period.overlaps(this.exercices)) {
			throw node.fail("période " + period + " hors des exercices du jeu de règles " + this.exercices);
		}
		return period.within(this.exercices);
	}

	ExercicePeriod period(YamlNode node, boolean allowOtherKeys) {
		Map<String, YamlNode> fields = allowOtherKeys ? node.map() : node.map(Set.of("from", "to"));
		int from = required(fields, "from", node.line()).integer();
		Integer to = fields.containsKey("to") ? fields.get("to").integer() : null;
		if (to != null && to < from) {
			throw node.fail("la période finit (" + to + ") avant de commencer (" + from + ")");
		}
		return new ExercicePeriod(from, to);
	}

	// ------------------------------------------------------------- conditions, amounts

	/**
	 * A condition ({@link ConditionReader}).
	 *
	 * @param owner code of the indicator the condition belongs to
	 * @param applies exercices of the rule that holds the condition
	 */
	Resolved<Condition> condition(YamlNode node, String textId, String owner, ExercicePeriod applies) {
		return this.conditions.read(node, textId, owner, applies);
	}

	/** Either a single open bracket ({@code key: 200}) or {@code tiers: [{up_to: 16, key: 200}, …]}. */
	List<Tier> tiers(Map<String, YamlNode> v, YamlNode owner, String key) {
		if (v.containsKey("tiers") == v.containsKey(key)) {
			throw owner.fail("donnez soit '" + key + "', soit 'tiers' : l'un des deux, pas les deux");
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
				throw tierNode.fail("chaque tranche sauf la dernière demande 'up_to', et la dernière doit être ouverte");
			}
			if (upTo != null && !tiers.isEmpty() && upTo.compareTo(tiers.get(tiers.size() - 1).upTo()) <= 0) {
				throw tierNode.fail("les tranches doivent être dans l'ordre croissant de 'up_to'");
			}
			tiers.add(new Tier(upTo, nonNegative(required(t, key, tierNode.line()))));
		}
		return tiers;
	}

	Set<CentreType> types(YamlNode node) {
		Set<CentreType> types = EnumSet.noneOf(CentreType.class);
		for (YamlNode item : node.list()) {
			types.add(item.oneOf(CentreType::fromCode, "M, P, D ou I"));
		}
		if (types.isEmpty()) {
			throw node.fail("aucun type de centre");
		}
		return types;
	}

	Set<Profession> professions(YamlNode node) {
		Set<Profession> professions = new LinkedHashSet<>();
		for (YamlNode item : node.list()) {
			professions.add(item.oneOf(Profession::fromName, "une profession comme INFIRMIER ou IPA"));
		}
		if (professions.isEmpty()) {
			throw node.fail("aucune profession");
		}
		return EnumSet.copyOf(professions);
	}

	String code(YamlNode node) {
		String code = node.string();
		if (!CODE.matcher(code).matches()) {
			throw node.fail("'" + code + "' n'est pas un code (majuscules, chiffres et _)");
		}
		return code;
	}

	BigDecimal nonNegative(YamlNode node) {
		BigDecimal value = node.decimal();
		if (value.signum() < 0) {
			throw node.fail("montant négatif " + value);
		}
		return value;
	}

	BigDecimal positive(YamlNode node) {
		BigDecimal value = node.decimal();
		if (value.signum() <= 0) {
			throw node.fail("attendu : un nombre positif, trouvé " + value);
		}
		return value;
	}

	int positiveInt(YamlNode node) {
		int value = node.integer();
		if (value <= 0) {
			throw node.fail("attendu : un nombre entier positif, trouvé " + value);
		}
		return value;
	}

	BigDecimal rate(YamlNode node) {
		BigDecimal value = node.decimal();
		if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
			throw node.fail("un taux est compris entre 0 et 1, trouvé " + value);
		}
		return value;
	}

}
