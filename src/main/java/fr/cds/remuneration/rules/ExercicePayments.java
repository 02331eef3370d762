package fr.cds.remuneration.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.rules.model.ActSupplementRule;
import fr.cds.remuneration.rules.model.AidConditions;
import fr.cds.remuneration.rules.model.AidMaintenance;
import fr.cds.remuneration.rules.model.AidSchedule;
import fr.cds.remuneration.rules.model.ContractAidRule;
import fr.cds.remuneration.rules.model.ContractCountCap;
import fr.cds.remuneration.rules.model.FteRatioCap;
import fr.cds.remuneration.rules.model.MedecinTraitantRule;
import fr.cds.remuneration.rules.model.MtPrecarityUplift;
import fr.cds.remuneration.rules.model.PatientCategory;
import fr.cds.remuneration.rules.model.PaymentRules;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.Territory;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.WeeklyCap;

/**
 * The payments outside the forfait as they stand in one exercice: the rules in force, each with
 * the values that apply to the exercice and their provenance.
 *
 * @param contractKinds every contract kind the rule set knows, whatever the exercice (contracts.csv
 * may name a contract whose aid does not apply this exercice: its statement line says so)
 */
public record ExercicePayments(Optional<MedecinTraitant> medecinTraitant, List<ActSupplement> actSupplements,
		List<ContractAid> contractAids, List<String> contractKinds) {

	/** The médecin-traitant forfait of the exercice with the amount of each category. */
	public record MedecinTraitant(MedecinTraitantRule rule, List<Category> categories, List<Category> supplements,
			Optional<Resolved<MtPrecarityUplift>> precarity) {

		public boolean appliesTo(CentreType type) {
			return this.rule.types().contains(type);
		}

	}

	/** A category (or supplement) of patients with its amount per patient in the exercice. */
	public record Category(PatientCategory category, Resolved<BigDecimal> euros) {
	}

	/** A per-act supplement with its amount and, if any, its cap in the exercice. */
	public record ActSupplement(ActSupplementRule rule, Resolved<BigDecimal> euros, Optional<Resolved<WeeklyCap>> cap) {

		public String code() {
			return this.rule.code();
		}

		public boolean appliesTo(CentreType type) {
			return this.rule.types().contains(type);
		}

	}

	/** A contract aid with its schedule and caps in the exercice. */
	public record ContractAid(ContractAidRule rule, Resolved<AidSchedule> schedule,
			Optional<Resolved<FteRatioCap>> fteRatio, Optional<Resolved<ContractCountCap>> maxContracts,
			Optional<Resolved<AidMaintenance>> maintenance) {

		/** Whether the aid pays contracts of a centre of this type, territory and zone. */
		public boolean appliesTo(fr.cds.remuneration.centre.Centre centre) {
			AidConditions conditions = this.rule.conditions();
			return this.rule.types().contains(centre.type())
					&& conditions.territories().contains(Territory.of(centre))
					&& conditions.centreZones().contains(centre.zone());
		}

	}

	public Optional<ActSupplement> actSupplement(String code) {
		return this.actSupplements.stream().filter(s -> s.code().equals(code)).findFirst();
	}

	static ExercicePayments resolve(RuleSet ruleSet, int exercice) {
		PaymentRules rules = ruleSet.payments();
		Optional<MedecinTraitant> medecinTraitant = rules.medecinTraitant()
			.stream()
			.filter(r -> r.validity().contains(exercice))
			.findFirst()
			.map(r -> new MedecinTraitant(r, categories(r.categories(), ruleSet, exercice),
					categories(r.supplements(), ruleSet, exercice), r.precarity().at(exercice)));
		List<ActSupplement> supplements = rules.actSupplements()
			.stream()
			.filter(r -> r.validity().contains(exercice))
			.map(r -> new ActSupplement(r, required(r.euros(), ruleSet, exercice, r.code()), r.cap().at(exercice)))
			.toList();
		List<ContractAid> aids = rules.contractAids()
			.stream()
			.filter(r -> r.validity().contains(exercice))
			.map(r -> new ContractAid(r, required(r.schedule(), ruleSet, exercice, r.code()), r.fteRatio().at(exercice),
					r.maxContracts().at(exercice), r.conditions().maintenance().at(exercice)))
			.toList();
		return new ExercicePayments(medecinTraitant, supplements, aids, rules.contractKinds());
	}

	private static List<Category> categories(List<PatientCategory> categories, RuleSet ruleSet, int exercice) {
		return categories.stream()
			.filter(c -> c.validity().contains(exercice))
			.map(c -> new Category(c, required(c.euros(), ruleSet, exercice, c.code())))
			.toList();
	}

	private static <T> Resolved<T> required(Timeline<T> timeline, RuleSet ruleSet, int exercice, String name) {
		return timeline.at(exercice)
			.orElseThrow(() -> new RuleSetException(ruleSet.origin(), name + " : aucune valeur pour l'exercice " + exercice));
	}

}
