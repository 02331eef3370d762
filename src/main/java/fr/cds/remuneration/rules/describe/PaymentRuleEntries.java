package fr.cds.remuneration.rules.describe;

import static fr.cds.remuneration.rules.describe.RuleEntryCollector.euros;
import static fr.cds.remuneration.rules.describe.RuleEntryCollector.number;
import static fr.cds.remuneration.rules.describe.RuleEntryCollector.percent;
import static fr.cds.remuneration.rules.describe.RuleEntryCollector.professions;
import static fr.cds.remuneration.rules.describe.RuleEntryCollector.types;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.cds.remuneration.rules.model.ActSupplementRule;
import fr.cds.remuneration.rules.model.AidConditions;
import fr.cds.remuneration.rules.model.AidSchedule;
import fr.cds.remuneration.rules.model.ContractAidRule;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.FteRatioCap;
import fr.cds.remuneration.rules.model.MedecinTraitantRule;
import fr.cds.remuneration.rules.model.PatientCategory;
import fr.cds.remuneration.rules.model.PaymentRule;
import fr.cds.remuneration.rules.model.PaymentRules;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.Territory;
import fr.cds.remuneration.rules.model.Tier;
import fr.cds.remuneration.rules.model.Timeline;

/**
 * The entries of the payments outside the forfait, in the file's order: médecin-traitant
 * categories and supplements, per-act supplements and their caps, contract aids by contract year
 * and their caps.
 */
final class PaymentRuleEntries {

	private final RuleEntryCollector out;

	private PaymentRuleEntries(RuleEntryCollector out) {
		this.out = out;
	}

	static void walk(PaymentRules payments, RuleEntryCollector out) {
		PaymentRuleEntries walk = new PaymentRuleEntries(out);
		payments.medecinTraitant().forEach(walk::medecinTraitant);
		payments.actSupplements().forEach(walk::actSupplement);
		payments.contractAids().forEach(walk::contractAid);
	}

	private ExercicePeriod definition(PaymentRule rule, String what) {
		ExercicePeriod validity = rule.validity().within(this.out.ruleSet.exercices());
		this.out.define(rule.code(), validity, what, rule.textId());
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

	private <T> void dated(String subject, String item, Timeline<T> timeline, Function<T, String> describe,
			ExercicePeriod owner) {
		this.out.dated(subject, item, timeline, describe, owner);
	}

	private void add(String subject, String item, ExercicePeriod period, String value, Provenance provenance) {
		this.out.add(subject, item, period, value, provenance);
	}

}
