package fr.cds.remuneration.rules.load;

import static fr.cds.remuneration.rules.load.RuleProblems.required;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.rules.model.AnswerType;
import fr.cds.remuneration.rules.model.ComponentKind;
import fr.cds.remuneration.rules.model.ComponentRule;
import fr.cds.remuneration.rules.model.ComponentValue;
import fr.cds.remuneration.rules.model.Condition;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.PatientBase;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Tier;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.Unit;

/**
 * Reads one component of an indicator (fixed, levels, per patient, per professional): its own
 * validity, types and condition within the indicator's, and its dated amounts in the unit of the
 * rule set.
 */
final class ComponentReader {

	private final FileParser file;

	ComponentReader(FileParser file) {
		this.file = file;
	}

	/** A component of indicator {@code code}, within the indicator's types, validity and text. */
	ComponentRule read(YamlNode node, String code, AnswerType answer, Integer maxLevel,
			Set<CentreType> indicatorTypes, ExercicePeriod indicatorValidity, String indicatorText) {
		Map<String, YamlNode> f = node.map(
				Set.of("kind", "label", "validity", "types", "condition", "base", "professions", "values"));
		ComponentKind kind = required(f, "kind", node.line())
			.oneOf(v -> DataCode.parse(ComponentKind.class, v), "fixed, levels, per_patient ou per_professional");
		String label = f.containsKey("label") ? f.get("label").string() : null;
		ExercicePeriod validity = indicatorValidity;
		String textId = indicatorText;
		if (f.containsKey("validity")) {
			validity = this.file.bounded(this.file.period(f.get("validity"), true), f.get("validity"));
			textId = this.file.textOf(f.get("validity"), validity);
			if (!indicatorValidity.covers(validity)) {
				throw f.get("validity")
					.fail("validité du composant " + validity + " hors de celle de l'indicateur " + indicatorValidity);
			}
		}
		Set<CentreType> types = indicatorTypes;
		if (f.containsKey("types")) {
			types = this.file.types(f.get("types"));
			if (!indicatorTypes.containsAll(types)) {
				throw f.get("types").fail("types du composant " + codes(types) + " pas tous parmi ceux de l'indicateur "
						+ codes(indicatorTypes));
			}
		}
		Resolved<Condition> condition = f.containsKey("condition")
				? this.file.condition(f.get("condition"), textId, code, validity) : null;
		PatientBase base = null;
		if (f.containsKey("base")) {
			if (kind != ComponentKind.PER_PATIENT) {
				throw f.get("base").fail("'base' ne s'applique qu'à un composant per_patient");
			}
			base = f.get("base").oneOf(v -> DataCode.parse(PatientBase.class, v), "patients, c2s, ame, ald, handicap ou file_active_equipe");
		}
		else if (kind == ComponentKind.PER_PATIENT) {
			base = PatientBase.PATIENTS;
		}
		Set<Profession> professions = Set.of();
		if (f.containsKey("professions")) {
			if (kind != ComponentKind.PER_PROFESSIONAL) {
				throw f.get("professions").fail("'professions' ne s'applique qu'à un composant per_professional");
			}
			professions = this.file.professions(f.get("professions"));
		}
		if (kind == ComponentKind.LEVELS && answer != AnswerType.LEVEL) {
			throw node.fail("un composant levels demande une réponse de type level");
		}
		String amountKey = this.file.unit.dataKey();
		String otherKey = this.file.unit == Unit.POINTS ? Unit.EUROS.dataKey() : Unit.POINTS.dataKey();
		Set<String> valueKeys = switch (kind) {
			case FIXED -> Set.of(amountKey, otherKey, "max");
			case LEVELS -> Set.of(amountKey, otherKey, "cumulative");
			case PER_PATIENT -> Set.of(amountKey, otherKey, "tiers", "reference", "max");
			case PER_PROFESSIONAL -> Set.of(amountKey, otherKey, "tiers");
		};
		String rule = code + "." + kind.dataValue();
		Timeline<ComponentValue> values = this.file.timeline(rule, required(f, "values", node.line()), valueKeys,
				v -> componentValue(kind, v, node, answer, maxLevel), validity, true);
		return new ComponentRule(kind, label, validity, textId, types, condition, base, professions, values);
	}

	private ComponentValue componentValue(ComponentKind kind, Map<String, YamlNode> v, YamlNode owner,
			AnswerType answer, Integer maxLevel) {
		String otherKey = this.file.unit == Unit.POINTS ? Unit.EUROS.dataKey() : Unit.POINTS.dataKey();
		if (v.containsKey(otherKey)) {
			throw v.get(otherKey).fail("montant en " + otherKey + " dans un jeu de règles dont l'unité est " + this.file.unit.dataKey());
		}
		Integer max = null;
		if (v.containsKey("max")) {
			if (answer != AnswerType.COUNT) {
				throw v.get("max").fail("'max' (payé par élément déclaré) demande une réponse de type count");
			}
			max = this.file.positiveInt(v.get("max"));
		}
		return switch (kind) {
			case FIXED -> new ComponentValue.Fixed(amount(v, owner), max);
			case LEVELS -> {
				List<BigDecimal> amounts = required(v, this.file.unit.dataKey(), owner.line()).list(this.file::nonNegative);
				if (amounts.size() != maxLevel) {
					throw owner.fail("levels donne " + amounts.size() + " montants pour max_level " + maxLevel);
				}
				boolean cumulative = required(v, "cumulative", owner.line()).bool();
				yield new ComponentValue.Levels(amounts, cumulative);
			}
			case PER_PATIENT -> new ComponentValue.PerPatient(this.file.positive(required(v, "reference", owner.line())),
					tiers(v, owner), max);
			case PER_PROFESSIONAL -> new ComponentValue.PerProfessional(tiers(v, owner));
		};
	}

	private BigDecimal amount(Map<String, YamlNode> v, YamlNode owner) {
		return this.file.nonNegative(required(v, this.file.unit.dataKey(), owner.line()));
	}

	/** Either a single open bracket ({@code points: 200}) or {@code tiers: [{up_to: 16, points: 200}, …]}. */
	private List<Tier> tiers(Map<String, YamlNode> v, YamlNode owner) {
		return this.file.tiers(v, owner, this.file.unit.dataKey());
	}

	private static String codes(Set<CentreType> types) {
		return types.stream().sorted(Comparator.naturalOrder()).map(CentreType::code).toList().toString();
	}

}
