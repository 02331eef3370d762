package fr.cds.remuneration.rules.describe;

import static fr.cds.remuneration.rules.describe.RuleEntryCollector.number;
import static fr.cds.remuneration.rules.describe.RuleEntryCollector.percent;
import static fr.cds.remuneration.rules.describe.RuleEntryCollector.professions;
import static fr.cds.remuneration.rules.describe.RuleEntryCollector.types;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.model.AdvanceTiming;
import fr.cds.remuneration.rules.model.ComponentRule;
import fr.cds.remuneration.rules.model.ComponentValue;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.Neutralisation;
import fr.cds.remuneration.rules.model.Parameters;
import fr.cds.remuneration.rules.model.PlausibilityBounds;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.Tier;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.UpliftScope;

/**
 * Every statement of a rule set as a {@link RuleEntry}, in the file's order: texts, parameters,
 * then each indicator (its definition, socle, minimum, eligibility, components, neutralisations),
 * then each payment outside the forfait (médecin-traitant categories, per-act supplements and their
 * caps, contract aids by contract year and their caps).
 * One walk over the data serves the three views of the rules command: the entries that apply in
 * an exercice (what {@code ExerciceRules.resolve} keeps), the differences between two such lists,
 * and the entries that are not confirmed.
 */
public final class RuleEntries {

	private final RuleSet ruleSet;

	private final String unit;

	private final RuleEntryCollector out;

	private RuleEntries(RuleSet ruleSet) {
		this.ruleSet = ruleSet;
		this.unit = ruleSet.unit().symbol();
		this.out = new RuleEntryCollector(ruleSet);
	}

	public static List<RuleEntry> of(RuleSet ruleSet) {
		RuleEntries walk = new RuleEntries(ruleSet);
		walk.texts();
		walk.parameters();
		ruleSet.indicators().forEach(walk::indicator);
		PaymentRuleEntries.walk(ruleSet.payments(), walk.out);
		return walk.out.entries();
	}

	/** The entries that apply in {@code exercice}. */
	public static List<RuleEntry> at(List<RuleEntry> entries, int exercice) {
		return entries.stream().filter(e -> e.period().contains(exercice)).toList();
	}

	// ---------------------------------------------------------------------------- walk

	private void texts() {
		for (LegalText text : this.ruleSet.texts()) {
			if (ExercicePeriod.from(text.firstExercice()).overlaps(this.ruleSet.exercices())) {
				add(RuleEntry.TEXTS, text.id(), ExercicePeriod.from(text.firstExercice()),
						text.title() + ", premier exercice " + text.firstExercice() + " (" + RulesReport.dates(text) + ")",
						text.provenance());
			}
		}
	}

	private void parameters() {
		Parameters p = this.ruleSet.parameters();
		ExercicePeriod all = this.ruleSet.exercices();
		dated(RuleEntry.PARAMETERS, "valeur du point", p.pointValueEur(), v -> number(v) + " €", all);
		dated(RuleEntry.PARAMETERS, "arrondi", p.rounding(),
				v -> v.scale() + " décimales, " + v.mode().name(), all);
		dated(RuleEntry.PARAMETERS, "patientèle", p.patientBase(), RuleEntries::patientBase, all);
		dated(RuleEntry.PARAMETERS, "professionnels de santé", p.healthProfessions(), RuleEntryCollector::professions, all);
		dated(RuleEntry.PARAMETERS, "plafond de la majoration précarité", p.upliftCap(), RuleEntryCollector::percent, all);
		dated(RuleEntry.PARAMETERS, "taux national C2S", p.nationalC2sRate(), RuleEntryCollector::percent, all);
		dated(RuleEntry.PARAMETERS, "taux national AME", p.nationalAmeRate(), RuleEntryCollector::percent, all);
		dated(RuleEntry.PARAMETERS, "prorata", p.prorata(), v -> v.dataValue(), all);
		dated(RuleEntry.PARAMETERS, "dérogation nouveau centre (réponse déclarée)", p.newCentreDeclaration(),
				v -> v, all);
		dated(RuleEntry.PARAMETERS, "avance", p.advance(), v -> percent(v.rate()) + " du socle à 100 %, "
				+ (v.minimumEur().signum() == 0 ? "sans minimum" : "minimum " + number(v.minimumEur()) + " €")
				+ (v.paid() == AdvanceTiming.WITH_PREVIOUS_BALANCE ? ", versée avec le solde de l'année précédente" : ""), all);
		dated(RuleEntry.PARAMETERS, "solde dû au plus tard le", p.balanceDue(),
				v -> String.format("%02d/%02d de l'année suivante", v.getDayOfMonth(), v.getMonthValue()), all);
		PlausibilityBounds bounds = p.plausibility();
		dated(RuleEntry.PARAMETERS, "plausibilité : actes par ETP et par jour, au plus", bounds.actsPerFteDay(),
				v -> number(v), all);
		dated(RuleEntry.PARAMETERS, "plausibilité : nombre déclaré pour un indicateur, au plus", bounds.declaredCount(),
				v -> String.valueOf(v), all);
		dated(RuleEntry.PARAMETERS, "plausibilité : ETP d'une profession, au plus", bounds.ftePerProfession(),
				v -> number(v), all);
		dated(RuleEntry.PARAMETERS, "plausibilité : adhésion au plus tôt le", bounds.earliestAdhesion(),
				FrenchFormat::date, all);
		dated(RuleEntry.PARAMETERS, "plausibilité : date d'extraction, jours après la fin de l'exercice, au moins",
				bounds.extractionLagDays(), v -> String.valueOf(v), all);
		dated(RuleEntry.PARAMETERS, "assiette de la majoration précarité", p.upliftScope(),
				v -> v == UpliftScope.WHOLE ? "toute la rémunération" : "points variables de la patientèle", all);
		dated(RuleEntry.PARAMETERS, "population des taux de précarité", p.upliftPopulation(), Population::label, all);
		dated(RuleEntry.PARAMETERS, "prorata, année entière pour un contrat signé avant le",
				p.prorataFullYearSignedBefore(), FrenchFormat::date, all);
	}

	private void indicator(IndicatorRule indicator) {
		String code = indicator.code();
		ExercicePeriod validity = indicator.validity().within(this.ruleSet.exercices());
		this.out.define(code, validity, definition(indicator), indicator.textId());
		dated(code, "socle", indicator.socle(), v -> v ? "oui" : "non", validity);
		dated(code, "minimum déclaré", indicator.minimum(), String::valueOf, validity);
		if (indicator.eligibility() != null) {
			add(code, "éligibilité", validity, indicator.eligibility().value().describe(),
					indicator.eligibility().provenance());
		}
		if (indicator.continues() != null) {
			add(code, "continue", validity, String.join(", ", indicator.continues().value()),
					indicator.continues().provenance());
		}
		for (ComponentRule component : indicator.components()) {
			ExercicePeriod componentValidity = component.validity().within(this.ruleSet.exercices());
			String item = componentItem(indicator, component);
			if (component.condition() != null) {
				add(code, item + " — condition", componentValidity, component.condition().value().describe(),
						component.condition().provenance());
			}
			dated(code, item, component.values(), this::componentValue, componentValidity);
		}
		for (Neutralisation neutralisation : this.ruleSet.neutralisations()) {
			if (neutralisation.indicator().equals(code)) {
				add(code, "neutralisation nationale " + neutralisation.exercice(),
						new ExercicePeriod(neutralisation.exercice(), neutralisation.exercice()),
						neutralisation.effect().label() + " : " + neutralisation.reason(), neutralisation.provenance());
			}
		}
	}

	private <T> void dated(String subject, String item, Timeline<T> timeline, Function<T, String> describe,
			ExercicePeriod owner) {
		this.out.dated(subject, item, timeline, describe, owner);
	}

	private void add(String subject, String item, ExercicePeriod period, String value, Provenance provenance) {
		this.out.add(subject, item, period, value, provenance);
	}

	// ------------------------------------------------------------------------- wording

	private String definition(IndicatorRule indicator) {
		String axis = this.ruleSet.axes().getOrDefault(indicator.axis(), indicator.axis());
		String block = indicator.block() == null ? ""
				: " ; " + this.ruleSet.blocks().getOrDefault(indicator.block(), indicator.block());
		return "types " + types(indicator.types()) + " ; " + answer(indicator) + " ; " + axis
				+ block + (indicator.gateOnly() ? " ; condition du socle seulement (ne rémunère rien)" : "")
				+ (indicator.socleGroup() == null ? ""
						: " ; prérequis du groupe " + indicator.socleGroup() + " (au moins un indicateur du groupe atteint)");
	}

	private static String answer(IndicatorRule indicator) {
		return switch (indicator.answer()) {
			case YES_NO -> "réponse oui/non";
			case LEVEL -> "réponse niveau 0 à " + indicator.maxLevel();
			case COUNT -> "réponse nombre";
			case RATE -> "réponse taux de réalisation en % (payé au prorata)";
			case AUTOMATIC -> "calculé sans déclaration";
		};
	}

	/**
	 * Names a component within its indicator: its kind, label, types when narrower than the
	 * indicator's, and professions; distinct components of one indicator get distinct names.
	 */
	private static String componentItem(IndicatorRule indicator, ComponentRule component) {
		StringBuilder item = new StringBuilder(switch (component.kind()) {
			case FIXED -> "fixe";
			case LEVELS -> "niveaux";
			case PER_PATIENT -> "par patient (" + component.base().label() + ")";
			case PER_PROFESSIONAL -> "par ETP" + (component.professions().isEmpty() ? ""
					: " (" + professions(component.professions()) + ")");
		});
		if (component.label() != null) {
			item.append(" « ").append(component.label()).append(" »");
		}
		if (!component.types().equals(indicator.types())) {
			item.append(" types ").append(types(component.types()));
		}
		return item.toString();
	}

	private String componentValue(ComponentValue value) {
		if (value instanceof ComponentValue.Fixed fixed) {
			return number(fixed.amount()) + " " + this.unit
					+ (fixed.maxItems() == null ? "" : " par élément déclaré, " + fixed.maxItems() + " au plus");
		}
		if (value instanceof ComponentValue.Levels levels) {
			return levels.amounts().stream().map(a -> number(a)).collect(Collectors.joining(" / ")) + " " + this.unit
					+ " aux niveaux 1 à " + levels.amounts().size()
					+ (levels.cumulative() ? ", cumulatifs" : ", non cumulatifs");
		}
		if (value instanceof ComponentValue.PerPatient perPatient) {
			boolean perUnit = perPatient.reference().compareTo(BigDecimal.ONE) == 0;
			String per = perUnit ? "par patient" : "pour " + number(perPatient.reference()) + " patients";
			return tiers(perPatient.tiers(), per)
					+ (perPatient.maxItems() == null ? "" : ", par élément déclaré, " + perPatient.maxItems() + " au plus");
		}
		return tiers(((ComponentValue.PerProfessional) value).tiers(), "par ETP");
	}

	private String tiers(List<Tier> tiers, String per) {
		List<String> parts = new ArrayList<>();
		for (Tier tier : tiers) {
			String part = number(tier.rate()) + " " + this.unit + " " + per;
			parts.add(tier.upTo() == null ? (parts.isEmpty() ? part : "au-delà " + part)
					: part + " jusqu'à " + number(tier.upTo()));
		}
		return String.join(", ", parts);
	}

	private static String patientBase(Map<CentreType, Population> bases) {
		return bases.entrySet()
			.stream()
			.map(e -> e.getKey().code() + " " + e.getValue().dataValue())
			.collect(Collectors.joining(", "));
	}

}
