package fr.cds.remuneration.rules.describe;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.model.ActSupplementRule;
import fr.cds.remuneration.rules.model.AidConditions;
import fr.cds.remuneration.rules.model.AidSchedule;
import fr.cds.remuneration.rules.model.ComponentRule;
import fr.cds.remuneration.rules.model.ComponentValue;
import fr.cds.remuneration.rules.model.ContractAidRule;
import fr.cds.remuneration.rules.model.Dated;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.FteRatioCap;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.MedecinTraitantRule;
import fr.cds.remuneration.rules.model.Neutralisation;
import fr.cds.remuneration.rules.model.Parameters;
import fr.cds.remuneration.rules.model.PlausibilityBounds;
import fr.cds.remuneration.rules.model.PatientCategory;
import fr.cds.remuneration.rules.model.PaymentRule;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.Tier;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.Territory;
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

	private final List<RuleEntry> entries = new ArrayList<>();

	private RuleEntries(RuleSet ruleSet) {
		this.ruleSet = ruleSet;
		this.unit = ruleSet.unit().symbol();
	}

	public static List<RuleEntry> of(RuleSet ruleSet) {
		RuleEntries walk = new RuleEntries(ruleSet);
		walk.texts();
		walk.parameters();
		ruleSet.indicators().forEach(walk::indicator);
		ruleSet.payments().medecinTraitant().forEach(walk::medecinTraitant);
		ruleSet.payments().actSupplements().forEach(walk::actSupplement);
		ruleSet.payments().contractAids().forEach(walk::contractAid);
		return List.copyOf(walk.entries);
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
		dated(RuleEntry.PARAMETERS, "professionnels de santé", p.healthProfessions(), RuleEntries::professions, all);
		dated(RuleEntry.PARAMETERS, "plafond de la majoration précarité", p.upliftCap(), RuleEntries::percent, all);
		dated(RuleEntry.PARAMETERS, "taux national C2S", p.nationalC2sRate(), RuleEntries::percent, all);
		dated(RuleEntry.PARAMETERS, "taux national AME", p.nationalAmeRate(), RuleEntries::percent, all);
		dated(RuleEntry.PARAMETERS, "prorata", p.prorata(), v -> v.dataValue(), all);
		dated(RuleEntry.PARAMETERS, "dérogation nouveau centre (réponse déclarée)", p.newCentreDeclaration(),
				v -> v, all);
		dated(RuleEntry.PARAMETERS, "avance", p.advance(), v -> percent(v.rate()) + " du socle à 100 %, "
				+ (v.minimumEur().signum() == 0 ? "sans minimum" : "minimum " + number(v.minimumEur()) + " €"), all);
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
		this.entries.add(new RuleEntry(code, "définition", validity, definition(indicator), null, null,
				indicator.textId()));
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

	// ------------------------------------------------------------ payments outside the forfait

	private ExercicePeriod definition(PaymentRule rule, String what) {
		ExercicePeriod validity = rule.validity().within(this.ruleSet.exercices());
		this.entries.add(new RuleEntry(rule.code(), "définition", validity, what, null, null, rule.textId()));
		return validity;
	}

	private void medecinTraitant(MedecinTraitantRule rule) {
		ExercicePeriod validity = definition(rule, "forfait médecin traitant, par patient ; types " + types(rule.types()));
		for (PatientCategory category : rule.categories()) {
			dated(rule.code(), "catégorie " + category.code() + " « " + category.label() + " »", category.euros(),
					v -> euros(v) + " par patient (" + category.patients().describe() + ")",
					category.validity().within(validity));
		}
		for (PatientCategory supplement : rule.supplements()) {
			dated(rule.code(), "supplément " + supplement.code() + " « " + supplement.label() + " »",
					supplement.euros(), v -> euros(v) + " de plus par patient (" + supplement.patients().describe() + ")",
					supplement.validity().within(validity));
		}
		dated(rule.code(), "majoration précarité", rule.precarity(), v -> "(part C2S des patients médecin traitant − "
				+ percent(v.threshold()) + ") × " + number(v.factor()) + ", au plus " + percent(v.cap())
				+ ", sur le montant des catégories", validity);
	}

	private void actSupplement(ActSupplementRule rule) {
		ExercicePeriod validity = definition(rule, "supplément à l'acte, nombre déclaré ; types " + types(rule.types()));
		if (rule.eligibility() != null) {
			add(rule.code(), "éligibilité", validity, rule.eligibility().value().describe(),
					rule.eligibility().provenance());
		}
		dated(rule.code(), "montant", rule.euros(), v -> euros(v) + " par acte", validity);
		dated(rule.code(), "plafond", rule.cap(), v -> number(v.perWeek()) + " actes par semaine d'ouverture et par ETP ("
				+ professions(v.professions()) + ")", validity);
	}

	private void contractAid(ContractAidRule rule) {
		AidConditions conditions = rule.conditions();
		String territories = conditions.territories().equals(AidConditions.NONE.territories()) ? ""
				: " ; centres situés en " + conditions.territories().stream().sorted().map(Territory::label)
					.collect(Collectors.joining(" ou ")) + " (département du FINESS)";
		String centreZones = conditions.centreZones().equals(AidConditions.NONE.centreZones()) ? ""
				: " ; zone du centre " + conditions.centreZones().stream().sorted().map(Enum::name)
					.collect(Collectors.joining(" "));
		ExercicePeriod validity = definition(rule, "aide sur contrat " + rule.contract() + ", par ETP et par année de"
				+ " contrat ; types " + types(rule.types()) + " ; zones du contrat "
				+ rule.zones().stream().map(Enum::name).collect(Collectors.joining(" ")) + territories + centreZones);
		dated(rule.code(), "montant", rule.schedule(), this::schedule, validity);
		dated(rule.code(), "maintien", conditions.maintenance(), v -> "au-delà de l'année " + v.afterYear()
				+ " du contrat, payée seulement si " + v.measure().label() + " (" + professions(v.professions())
				+ ") ≥ percentile " + number(v.percentile()) + " national (rang le plus proche, centres du calcul)",
				validity);
		dated(rule.code(), "plafond d'ETP", rule.fteRatio(), v -> number(v.ratio()) + " ETP aidé par ETP ("
				+ professions(v.professions()) + "), au-delà : "
				+ (v.excess() == FteRatioCap.Excess.REFUSED ? "contrat refusé" : "aide sur la part qui tient"), validity);
		dated(rule.code(), "plafond de contrats", rule.maxContracts(), v -> v.max() + " contrats en cours en même temps"
				+ " par centre" + (v.exemptZones().isEmpty() ? ""
						: " (sans plafond en " + v.exemptZones().stream().map(Enum::name).collect(Collectors.joining(", "))
								+ ")"), validity);
	}

	private String schedule(AidSchedule schedule) {
		List<String> years = new ArrayList<>();
		for (int year = 1; year <= schedule.years().size(); year++) {
			years.add("année " + year + " : " + euroTiers(schedule.year(year)));
		}
		years.add(schedule.later() == null ? "ensuite : rien" : "ensuite : " + euroTiers(schedule.later()));
		return String.join(" ; ", years);
	}

	private String euroTiers(List<Tier> tiers) {
		List<String> parts = new ArrayList<>();
		for (Tier tier : tiers) {
			String part = euros(tier.rate()) + " par ETP";
			parts.add(tier.upTo() == null ? (parts.isEmpty() ? part : "au-delà " + part)
					: part + " jusqu'à " + number(tier.upTo()) + " ETP");
		}
		return String.join(", ", parts);
	}

	private static String euros(BigDecimal value) {
		return number(value) + " €";
	}

	private <T> void dated(String subject, String item, Timeline<T> timeline, Function<T, String> describe,
			ExercicePeriod owner) {
		for (Dated<T> dated : timeline.entries()) {
			if (dated.period().overlaps(owner)) {
				add(subject, item, dated.period().within(owner), describe.apply(dated.value()), dated.provenance());
			}
		}
	}

	private void add(String subject, String item, ExercicePeriod period, String value, Provenance provenance) {
		this.entries.add(new RuleEntry(subject, item, period.within(this.ruleSet.exercices()), value,
				provenance.status(), provenance.sourceId(), provenance.textId()));
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

	private static String professions(Set<Profession> professions) {
		return professions.stream().map(Profession::name).collect(Collectors.joining(", "));
	}

	private static String types(Set<CentreType> types) {
		return types.stream().map(CentreType::code).collect(Collectors.joining(" "));
	}

	private static String percent(BigDecimal rate) {
		return FrenchFormat.percent(rate);
	}

	private static String number(BigDecimal value) {
		return FrenchFormat.compact(value, 4);
	}

}
