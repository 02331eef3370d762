package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.extract.PopulationCounts;
import fr.cds.remuneration.rules.model.DeclaredAnswer;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceComponent;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceIndicator;
import fr.cds.remuneration.rules.model.AnswerType;
import fr.cds.remuneration.rules.model.LegalText;
import fr.cds.remuneration.rules.model.Neutralisation;
import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.Unit;
import fr.cds.remuneration.rules.model.UpliftScope;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * Computes a centre's forfait for an exercice: a pure function of the exercice's rules and the
 * centre's inputs, with no Spring, database or I/O, so that the batch, the simulate command, the
 * calculette and the tests all run the same code.
 *
 * <p>Order of the computation, as in the rule conventions: each indicator's verdict and points;
 * the socle gate; the precarity uplift on patient-scaled points; then each line converted to
 * euros ({@code points × point value × days open / days in exercice}) and rounded once; the total
 * is the sum of the rounded lines.
 */
public final class RemunerationEngine {

	public CentreResult compute(ExerciceRules rules, CentreInputs inputs) {
		Centre centre = inputs.centre();
		Population population = rules.patientBase().value().get(centre.type());
		PopulationCounts patients = inputs.patients().of(population);
		CentreFacts facts = new CentreFacts(centre, inputs.declaration(), patients,
				inputs.patients().of(Population.FILE_ACTIVE_EQUIPE), rules.healthProfessions().value(),
				centre.staff().sum(rules.healthProfessions().value()), rules.unit());
		ProrataResult prorata = Prorata.of(centre, rules.exercice(), rules.prorata(),
				rules.prorataFullYearSignedBefore().map(Resolved::value));
		UpliftResult uplift = rules.uplift()
			.map(u -> PrecarityUplift.of(u, inputs.patients().of(u.populationFor(population))))
			.orElse(null);
		String derogation = newCentreDerogation(rules, centre, inputs.declaration());

		List<Evaluation> evaluations = rules.indicators()
			.stream()
			.filter(indicator -> indicator.appliesTo(centre.type()))
			.map(indicator -> evaluate(indicator, rules, facts, derogation, uplift))
			.toList();
		List<String> failed = failedPrerequisites(evaluations);
		SocleVerdict socle = new SocleVerdict(failed.isEmpty(), failed, derogation);

		List<IndicatorLine> lines = evaluations.stream()
			.map(e -> line(e, rules, socle.met(), prorata, uplift))
			.toList();
		BigDecimal total = lines.stream().map(IndicatorLine::euros).reduce(BigDecimal.ZERO, BigDecimal::add);

		LegalText latest = rules.latestText();
		var ruleSet = rules.ruleSet();
		return new CentreResult(identity(centre), rules.exercice(),
				new CentreResult.RuleSetInfo(ruleSet.reference(), ruleSet.title(), latest.id(), latest.title(),
						latest.published(), ruleSet.sha256(), ruleSet.texts()
							.stream()
							.map(t -> new CentreResult.TextRef(t.id(), t.title(), t.firstExercice()))
							.toList()),
				rules.unit(), rules.pointValueEur() == null ? null : rules.pointValueEur().value(),
				rules.pointValueEur() == null ? null : rules.pointValueEur().provenance(),
				new PatientBaseUsed(population, population.label(), patients, inputs.extractionDate()), facts.healthProfessionalFte(), prorata,
				uplift, socle, lines, total, inputs.patients().schemes(), inputs.rejectedRows(),
				notes(rules, evaluations, socle, prorata, inputs), otherStreams(rules, inputs, prorata));
	}

	/**
	 * The socle indicators whose failure withholds the forfait: each one not met, unless it belongs
	 * to a socle group of which another indicator is met.
	 */
	private static List<String> failedPrerequisites(List<Evaluation> evaluations) {
		List<Evaluation> socle = evaluations.stream()
			.filter(e -> e.indicator().isSocle() && e.verdict() != Verdict.REMOVED)
			.toList();
		Set<String> groupsMet = socle.stream()
			.filter(e -> e.verdict().counts() && e.indicator().rule().socleGroup() != null)
			.map(e -> e.indicator().rule().socleGroup())
			.collect(Collectors.toSet());
		return socle.stream()
			.filter(e -> !e.verdict().counts() && !groupsMet.contains(e.indicator().rule().socleGroup()))
			.map(e -> e.indicator().code())
			.toList();
	}

	/**
	 * The payments outside the forfait: the médecin-traitant forfait, the per-act supplements and
	 * the contract aids, each with its own lines and total. The forfait's socle gate does not apply
	 * to them.
	 */
	private static List<StreamResult> otherStreams(ExerciceRules rules, CentreInputs inputs, ProrataResult activity) {
		return PaymentStream.others()
			.stream()
			.map(stream -> stream.compute(rules, inputs, activity))
			.flatMap(Optional::stream)
			.toList();
	}

	/** An indicator's verdict and amounts before the socle gate and the conversion to euros. */
	private record Evaluation(ExerciceIndicator indicator, String declared, Verdict verdict, String note,
			List<ComponentLine> components, Amount fixed, Amount variable, Amount uplift) {
	}

	private Evaluation evaluate(ExerciceIndicator indicator, ExerciceRules rules, CentreFacts facts,
			String derogation, UpliftResult uplift) {
		Unit unit = rules.unit();
		String declared = facts.declaration().answer(indicator.code()).orElse(null);
		Optional<Neutralisation> neutralisation = rules.neutralisation(indicator.code());
		if (neutralisation.isPresent() && neutralisation.get().effect() == Neutralisation.Effect.REMOVED) {
			return empty(indicator, declared, Verdict.REMOVED, neutralisationNote(neutralisation.get()), unit);
		}
		var eligibility = indicator.rule().eligibility();
		if (eligibility != null && !eligibility.value().test(facts.centre(), facts.declaration())) {
			return empty(indicator, declared, Verdict.NOT_ELIGIBLE,
					eligibility.value().describeUnmet(code -> labelled(rules, code)), unit);
		}

		AnswerType answer = indicator.rule().answer();
		boolean rate = answer == AnswerType.RATE;
		int minimum = indicator.minimumValue();
		Optional<Integer> quantity = answer == AnswerType.AUTOMATIC ? Optional.of(1)
				: Optional.ofNullable(declared).flatMap(raw -> DeclaredAnswer.asQuantity(answer, raw));
		Verdict verdict;
		String note = null;
		if (quantity.isPresent() && quantity.get() >= minimum) {
			verdict = Verdict.MET;
		}
		else if (neutralisation.isPresent()) {
			verdict = Verdict.DEEMED_MET;
			note = neutralisationNote(neutralisation.get());
		}
		else if (derogation != null && indicator.isSocle()) {
			verdict = Verdict.DEEMED_MET;
			note = derogation;
		}
		else {
			verdict = Verdict.NOT_MET;
			note = declared == null ? "aucune réponse déclarée"
					: quantity.isEmpty() ? "réponse non reconnue : « " + declared + " »"
							: "déclaré " + quantity.get() + ", minimum requis " + minimum;
		}
		// An indicator deemed or not met is evaluated at its minimum, so that the statement can say
		// what meeting it earns (or would have earned). A rate is not a count of items: its parts are
		// evaluated once, then paid at the declared rate when met, at 100 % otherwise.
		int evaluatedQuantity = rate ? 1 : Math.max(quantity.orElse(0), minimum);
		Integer achievement = rate && verdict == Verdict.MET ? quantity.get() : null;

		List<ComponentLine> components = new ArrayList<>();
		for (ExerciceComponent component : indicator.components()) {
			boolean eligible = component.appliesTo(facts.centre().type()) && (component.rule().condition() == null
					|| component.rule().condition().value().test(facts.centre(), facts.declaration()));
			if (eligible) {
				ComponentLine line = ComponentEvaluator.evaluate(component, facts, evaluatedQuantity);
				components.add(achievement == null ? line : AchievementRate.apply(line, achievement));
			}
		}
		Amount fixed = sum(components.stream().filter(c -> !c.variable()).map(ComponentLine::amount).toList(), unit);
		Amount variable = sum(components.stream().filter(ComponentLine::variable).map(ComponentLine::amount).toList(),
				unit);
		Amount upliftAmount = Amount.zero(unit);
		if (uplift != null) {
			BigDecimal upliftable = components.stream()
				.filter(c -> uplifted(rules, c))
				.map(c -> c.amount().value())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			upliftAmount = new Amount(upliftable.multiply(uplift.rate(), MathContext.DECIMAL128), unit);
		}
		return new Evaluation(indicator, declared, verdict, note, List.copyOf(components), fixed, variable,
				upliftAmount);
	}

	private IndicatorLine line(Evaluation e, ExerciceRules rules, boolean socleMet, ProrataResult prorata,
			UpliftResult uplift) {
		Amount total = e.fixed().plus(e.variable()).plus(e.uplift());
		LineArithmetic arithmetic = LineArithmetic.of(e.components(),
				e.components().stream().map(c -> uplifted(rules, c)).toList(), uplift == null ? null : uplift.rate(),
				total, rules.unit(), rules.pointValueEur() == null ? null : rules.pointValueEur().value(), prorata,
				rules.rounding().value());
		BigDecimal potential = arithmetic.euros();
		boolean paid = socleMet && e.verdict().counts();
		List<Provenance> provenances = new ArrayList<>();
		provenances.add(e.indicator().socle().provenance());
		e.components().forEach(c -> provenances.add(c.provenance()));
		// a national neutralisation that decided the verdict is a value of the line like any other
		rules.neutralisation(e.indicator().code())
			.filter(n -> e.verdict() == Verdict.DEEMED_MET || e.verdict() == Verdict.REMOVED)
			.ifPresent(n -> provenances.add(n.provenance()));
		ValueStatus status = Provenance.weakestOf(provenances);
		if (!total.isZero()) {
			if (rules.pointValueEur() != null) {
				status = status.weakest(rules.pointValueEur().status());
			}
			if (!prorata.isFullYear()) {
				status = status.weakest(prorata.status());
			}
			if (!e.uplift().isZero()) {
				status = status.weakest(uplift.status());
			}
		}
		ExerciceIndicator indicator = e.indicator();
		var ruleSet = rules.ruleSet();
		return new IndicatorLine(indicator.code(), indicator.rule().label(),
				ruleSet.axes().get(indicator.rule().axis()),
				indicator.rule().block() == null ? null : ruleSet.blocks().get(indicator.rule().block()),
				indicator.isSocle(), e.declared(), e.verdict(), e.note(), e.components(), e.fixed(), e.variable(),
				e.uplift(), total, paid, paid ? potential : BigDecimal.ZERO.setScale(rules.rounding().value().scale()),
				potential, status, List.copyOf(provenances), arithmetic.text());
	}

	/** Whether the precarity uplift applies to a part: patient-scaled parts, or every part. */
	private static boolean uplifted(ExerciceRules rules, ComponentLine component) {
		return component.upliftable() || rules.uplift().map(u -> u.scope() == UpliftScope.WHOLE).orElse(false);
	}

	/**
	 * The new-centre derogation: in the exercice of its adhesion, a centre that declares the socle
	 * commitments planned is paid as if its socle were met.
	 */
	private String newCentreDerogation(ExerciceRules rules, Centre centre, Declaration declaration) {
		if (rules.newCentreDeclaration().isEmpty() || centre.adhesion().getYear() != rules.exercice()) {
			return null;
		}
		String code = rules.newCentreDeclaration().get().value();
		boolean declared = declaration.answer(code).flatMap(DeclaredAnswer::asYesNo).orElse(false);
		return declared ? "nouveau centre (adhésion le " + FrenchFormat.date(centre.adhesion())
				+ "), socle réputé atteint pour son premier exercice" : null;
	}

	private List<String> notes(ExerciceRules rules, List<Evaluation> evaluations, SocleVerdict socle,
			ProrataResult prorata, CentreInputs inputs) {
		List<String> notes = new ArrayList<>();
		if (!socle.met()) {
			notes.add("Socle non atteint (" + socle.failed().stream().map(code -> labelled(rules, code))
				.collect(Collectors.joining(", ")) + ") : aucune rémunération forfaitaire n'est due pour l'exercice.");
		}
		if (socle.derogation() != null) {
			notes.add("Dérogation : " + socle.derogation() + ".");
		}
		for (Neutralisation neutralisation : rules.neutralisations()) {
			boolean affects = evaluations.stream().anyMatch(e -> e.indicator().code().equals(neutralisation.indicator()));
			if (affects) {
				notes.add("Neutralisation nationale : " + labelled(rules, neutralisation.indicator()) + " "
						+ neutralisation.effect().label() + " (" + neutralisation.reason() + ").");
			}
		}
		rules.uplift()
			.filter(u -> u.population().isPresent() || u.scope() == UpliftScope.WHOLE)
			.ifPresent(u -> notes.add("Majoration précarité : taux mesurés sur la population « "
					+ u.populationFor(rules.patientBase().value().get(inputs.centre().type())).label()
					+ " »" + (u.scope() == UpliftScope.WHOLE ? ", appliquée à l'ensemble de la rémunération."
							: ", appliquée aux points variables.")));
		if (!prorata.isFullYear()) {
			notes.add("Année partielle : " + prorata.daysOpen() + " jours d'ouverture conventionnée sur "
					+ prorata.daysInExercice() + " (du " + FrenchFormat.date(prorata.from()) + " au "
					+ FrenchFormat.date(prorata.to()) + ").");
		}
		if (inputs.rejectedRows() > 0) {
			notes.add("Attention : " + (inputs.rejectedRows() > 1 ? inputs.rejectedRows()
					+ " lignes de données transmises pour ce centre ont été rejetées et ne sont pas prises en compte."
					: "1 ligne de données transmise pour ce centre a été rejetée et n'est pas prise en compte."));
		}
		return List.copyOf(notes);
	}

	/** An indicator named for a centre manager: its label (its code is in the CSV's own column). */
	private static String labelled(ExerciceRules rules, String code) {
		return rules.ruleSet().label(code).map(label -> "«\u00A0" + label + "\u00A0»").orElse(code);
	}

	private static Evaluation empty(ExerciceIndicator indicator, String declared, Verdict verdict, String note,
			Unit unit) {
		return new Evaluation(indicator, declared, verdict, note, List.of(), Amount.zero(unit), Amount.zero(unit),
				Amount.zero(unit));
	}

	private static String neutralisationNote(Neutralisation neutralisation) {
		return "neutralisation nationale : " + neutralisation.effect().label() + " (" + neutralisation.reason() + ")";
	}

	private static Amount sum(List<Amount> amounts, Unit unit) {
		return amounts.stream().reduce(Amount.zero(unit), Amount::plus);
	}

	private static CentreResult.CentreIdentity identity(Centre centre) {
		return CentreResult.CentreIdentity.of(centre);
	}

}
