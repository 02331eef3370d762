package fr.cds.remuneration.rules;

import java.math.BigDecimal;
import java.time.MonthDay;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.model.AdvanceTerms;
import fr.cds.remuneration.rules.model.ComponentRule;
import fr.cds.remuneration.rules.model.ComponentValue;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.Neutralisation;
import fr.cds.remuneration.rules.model.ProrataMethod;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Rounding;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.Timeline;
import fr.cds.remuneration.rules.model.Unit;
import fr.cds.remuneration.rules.model.UpliftScope;
import fr.cds.remuneration.rules.model.PaymentRule;

/**
 * The rules for one exercice: every dated value resolved to the one that applies, with its
 * provenance. The engine sees only this, so it has no date logic of its own.
 *
 * @param latestText the most recent accord or avenant governing the exercice (shown on outputs)
 * @param pointValueEur point value, or {@code null} for a rule set in euros
 * @param uplift precarity uplift parameters, if the rule set has one
 * @param prorataFullYearSignedBefore under a pro-rata by signature, a contract signed before this
 * date is paid the whole exercice
 * @param newCentreDeclaration declaration code of the new-centre derogation, if it applies
 * @param payments the payments outside the forfait in the exercice
 */
public record ExerciceRules(int exercice, RuleSet ruleSet, LegalText latestText, Resolved<BigDecimal> pointValueEur,
		Resolved<Rounding> rounding, Resolved<Map<CentreType, Population>> patientBase,
		Resolved<Set<Profession>> healthProfessions, Optional<UpliftRule> uplift, Resolved<ProrataMethod> prorata,
		Optional<Resolved<LocalDate>> prorataFullYearSignedBefore, Optional<Resolved<String>> newCentreDeclaration, List<ExerciceIndicator> indicators,
		List<Neutralisation> neutralisations, ExercicePayments payments) {

	/**
	 * Precarity uplift parameters for the exercice.
	 *
	 * @param scope what the uplift multiplies
	 * @param population the patients the rates are measured on; empty: the type's patient list
	 */
	public record UpliftRule(Resolved<BigDecimal> cap, Resolved<BigDecimal> nationalC2sRate,
			Resolved<BigDecimal> nationalAmeRate, UpliftScope scope, Optional<Resolved<Population>> population) {

		/** The rates' population for a centre whose patient list is {@code patientList}. */
		public Population populationFor(Population patientList) {
			return this.population.map(Resolved::value).orElse(patientList);
		}

	}

	/** An indicator as it stands in the exercice. */
	public record ExerciceIndicator(IndicatorRule rule, Resolved<Boolean> socle, Optional<Resolved<Integer>> minimum,
			List<ExerciceComponent> components) {

		public String code() {
			return this.rule.code();
		}

		public boolean isSocle() {
			return this.socle.value();
		}

		public boolean appliesTo(CentreType type) {
			return this.rule.types().contains(type);
		}

		/** Smallest declared level or count that counts as met (1 unless the rule says otherwise). */
		public int minimumValue() {
			return this.minimum.map(Resolved::value).orElse(1);
		}

	}

	/** A component as it stands in the exercice, with its value for that exercice. */
	public record ExerciceComponent(ComponentRule rule, Resolved<ComponentValue> value) {

		public boolean appliesTo(CentreType type) {
			return this.rule.types().contains(type);
		}

	}

	public Unit unit() {
		return this.ruleSet.unit();
	}

	/** The advance on the forfait for the exercice, from the rule set's payment calendar (empty: it has none). */
	public Optional<Resolved<AdvanceTerms>> advance() {
		return this.ruleSet.parameters().advance().at(this.exercice);
	}

	/** The day of the next year by which the exercice's balance is due, from the rule set (empty: none). */
	public Optional<Resolved<MonthDay>> balanceDue() {
		return this.ruleSet.parameters().balanceDue().at(this.exercice);
	}

	/** The plausibility bounds of the exercice, beyond which a centre is held rather than paid. */
	public ExercicePlausibility plausibility() {
		return ExercicePlausibility.resolve(this.ruleSet.parameters().plausibility(), this.exercice);
	}

	public Optional<Neutralisation> neutralisation(String indicatorCode) {
		return this.neutralisations.stream().filter(n -> n.indicator().equals(indicatorCode)).findFirst();
	}

	/** Resolves the rules of {@code ruleSet} for {@code exercice}. */
	public static ExerciceRules resolve(RuleSet ruleSet, int exercice) {
		if (!ruleSet.exercices().contains(exercice)) {
			throw new RuleSetException(ruleSet.origin(),
					"le jeu de règles " + ruleSet.reference() + " couvre les exercices " + ruleSet.exercices() + ", pas " + exercice);
		}
		var p = ruleSet.parameters();
		Optional<UpliftRule> uplift = p.upliftCap().at(exercice)
			.map(cap -> new UpliftRule(cap, required(p.nationalC2sRate(), exercice, ruleSet, "national_c2s_rate"),
					required(p.nationalAmeRate(), exercice, ruleSet, "national_ame_rate"),
					p.upliftScope().at(exercice).map(Resolved::value).orElse(UpliftScope.PATIENT_VARIABLE),
					p.upliftPopulation().at(exercice)));
		List<ExerciceIndicator> indicators = ruleSet.indicators()
			.stream()
			.filter(i -> i.validity().contains(exercice))
			.map(i -> new ExerciceIndicator(i, required(i.socle(), exercice, ruleSet, i.code() + ".socle"),
					i.minimum().at(exercice),
					i.components()
						.stream()
						.filter(c -> c.validity().contains(exercice))
						.map(c -> new ExerciceComponent(c, required(c.values(), exercice, ruleSet, i.code())))
						.toList()))
			.toList();
		return new ExerciceRules(exercice, ruleSet, latestText(ruleSet, exercice),
				p.pointValueEur().at(exercice).orElse(null), required(p.rounding(), exercice, ruleSet, "rounding"),
				required(p.patientBase(), exercice, ruleSet, "patient_base"),
				required(p.healthProfessions(), exercice, ruleSet, "health_professions"), uplift,
				required(p.prorata(), exercice, ruleSet, "prorata"), p.prorataFullYearSignedBefore().at(exercice),
				p.newCentreDeclaration().at(exercice), indicators,
				ruleSet.neutralisations().stream().filter(n -> n.exercice() == exercice).toList(),
				ExercicePayments.resolve(ruleSet, exercice));
	}

	/**
	 * The payment rules of one kind in force in the exercice, in the file's order: what the
	 * computation of a stream without a resolution of its own in {@link ExercicePayments} starts
	 * from (its values then resolve with {@code Timeline.at(exercice())}).
	 */
	public <T extends PaymentRule> List<T> paymentRules(Class<T> kind) {
		return this.ruleSet.payments().of(kind).stream().filter(r -> r.validity().contains(this.exercice)).toList();
	}

	/**
	 * The most recent text that governs the exercice: among texts whose first exercice is not after
	 * it, the last published (avenant 5, published in 2024, is the latest text for 2023).
	 */
	static LegalText latestText(RuleSet ruleSet, int exercice) {
		return ruleSet.texts()
			.stream()
			.filter(t -> t.firstExercice() <= exercice)
			.max(Comparator.comparing(LegalText::latestKnownDate))
			.orElseThrow(() -> new RuleSetException(ruleSet.origin(), "aucun texte ne régit l'exercice " + exercice));
	}

	private static <T> Resolved<T> required(Timeline<T> timeline, int exercice, RuleSet ruleSet, String name) {
		return timeline.at(exercice)
			.orElseThrow(() -> new RuleSetException(ruleSet.origin(), name + " : aucune valeur pour l'exercice " + exercice));
	}

}
