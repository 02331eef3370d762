package fr.cds.remuneration.calculette;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.output.StatementView;
import fr.cds.remuneration.output.StreamSection;
import fr.cds.remuneration.rules.model.DeclaredAnswer;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.simulation.CentreSimulation;
import fr.cds.remuneration.simulation.CentreSimulation.Estimate;
import fr.cds.remuneration.simulation.CentreSimulation.Refusal;

/**
 * The web calculette: generates the form of an exercice and centre type from its rules, and
 * estimates a centre with {@link CentreSimulation#estimate}, that is with the annual run's
 * validators and engine. Nothing is stored: every request carries all its values.
 */
@Component
public class Calculette {

	/** Names of the two choices that select the form. */
	public static final String EXERCICE = "exercice", TYPE = "type";

	private final CalculetteRules rules;

	private final CentreSimulation simulation;

	public Calculette(CalculetteRules rules, CentreSimulation simulation) {
		this.rules = rules;
		this.simulation = simulation;
	}

	/** The first page: the choice of exercice and type, nothing else yet. */
	public CalculettePage start(FormValues values) {
		return page(values, null, List.of(), null);
	}

	/** The page for the exercice and type of {@code values}, with their form but no estimate. */
	public CalculettePage form(FormValues values) {
		List<CalculettePage.Problem> problems = new ArrayList<>();
		FormLayout layout = layout(values, problems);
		return page(values, layout, problems, null);
	}

	/** The page with the estimate of {@code values}, or with every value refused and why. */
	public CalculettePage estimate(FormValues values) {
		List<CalculettePage.Problem> problems = new ArrayList<>();
		FormLayout layout = layout(values, problems);
		if (layout == null) {
			return page(values, null, problems, null);
		}
		ExerciceRules rules = this.rules.rulesFor(layout.exercice());
		Map<String, String> answers = CentreValuesMapping.answers(layout, values);
		Estimate estimate = this.simulation.estimate(rules,
				CentreValuesMapping.of(layout, values, layout.exercice(), answers));
		if (!estimate.computed()) {
			problems.addAll(problems(layout, estimate.refusals()));
			return page(values, layout, problems, null);
		}
		List<WhatIfs.WhatIf> whatIfs = WhatIfs.of(rules, estimate.inputs(), estimate.result());
		Optional<NextExercice> next = this.rules.rulesAfter(layout.exercice())
			.map(nextRules -> next(rules, nextRules, layout, values, answers, estimate.result()));
		return page(values, layout, problems, new CalculettePage.EstimateView(StatementView.estimateOf(estimate.result()),
				whatIfs, next.map(NextExercice::comparison).orElse(null), next.map(NextExercice::values).orElse(null),
				streams(estimate.result())));
	}

	/** The payments outside the forfait, each estimated or said not to be. */
	static List<CalculettePage.StreamEstimate> streams(CentreResult result) {
		return result.streams()
			.stream()
			.map(s -> new CalculettePage.StreamEstimate(StreamSection.of(s, null, ""),
					s.computed() ? null : String.join(" ", s.notes())))
			.toList();
	}

	/** The comparison with the next exercice, and the form's values carried to it. */
	private record NextExercice(Comparison comparison, FormValues values) {
	}

	/** The same centre computed under {@code next}, with its answers carried. */
	private NextExercice next(ExerciceRules rules, ExerciceRules next, FormLayout layout, FormValues values,
			Map<String, String> answers, CentreResult result) {
		AnswerCarryOver.CarriedAnswers carried = AnswerCarryOver.carry(rules, next, layout.type(), answers);
		Estimate estimate = this.simulation.estimate(next,
				CentreValuesMapping.forfaitOnly(layout, values, next.exercice(), carried.answers()));
		Comparison comparison = estimate.computed()
				? Comparison.of(result, estimate.result(), carried.carried(),
						WhatIfs.of(next, estimate.inputs(), estimate.result()))
				: Comparison.refused(result, next.exercice(), estimate.refusals().stream().map(Refusal::reason).toList());
		Map<String, String> nextValues = new HashMap<>(values.values());
		layout.answers().forEach(field -> nextValues.remove(field.name()));
		nextValues.putAll(carried.answers());
		nextValues.put(EXERCICE, String.valueOf(next.exercice()));
		return new NextExercice(comparison, new FormValues(nextValues));
	}

	/**
	 * The refusals as problems of the form's fields. The département is read from the FINESS: its
	 * refusal goes to the FINESS field, unless the FINESS itself is refused, which says it all.
	 */
	private static List<CalculettePage.Problem> problems(FormLayout layout, List<Refusal> refusals) {
		boolean finessRefused = refusals.stream().anyMatch(r -> r.name().equals(FormLayout.FINESS));
		List<CalculettePage.Problem> problems = new ArrayList<>();
		for (Refusal refusal : refusals) {
			boolean departement = refusal.name().equals("departement");
			if (departement && finessRefused) {
				continue;
			}
			String field = departement ? FormLayout.FINESS : refusal.name();
			String message = departement ? "département inconnu pour ce FINESS (" + refusal.value() + ")"
					: refusal.reason();
			problems.add(new CalculettePage.Problem(field, label(layout, field), message));
		}
		return problems;
	}

	private static final Map<String, String> CONTRACT_LABELS = Map.of("numero_contrat", "n° du contrat",
			"type_contrat", "type de contrat", "date_debut", "date de début", "date_fin", "date de fin", "etp",
			"ETP du contrat", "zone", "zone du contrat");

	/** The label of a field of the form, a contract's fields included ("Contrat 2 : date de début"). */
	static String label(FormLayout layout, String field) {
		java.util.regex.Matcher contract = java.util.regex.Pattern.compile("contrat_(\\d+)_(.+)").matcher(field);
		if (contract.matches()) {
			return "Contrat " + contract.group(1) + " : "
					+ CONTRACT_LABELS.getOrDefault(contract.group(2), contract.group(2));
		}
		return layout.labels().getOrDefault(field, field);
	}

	/** The form of the chosen exercice and type, or {@code null} with the problems of the choice. */
	private FormLayout layout(FormValues values, List<CalculettePage.Problem> problems) {
		Optional<Integer> exercice = DeclaredAnswer.asNumber(values.get(EXERCICE)).filter(this.rules::offers);
		if (exercice.isEmpty()) {
			List<Integer> offered = this.rules.exercices();
			problems.add(new CalculettePage.Problem(EXERCICE, "Exercice", (values.isBlank(EXERCICE)
					? "choisissez un exercice" : "exercice inconnu : « " + values.get(EXERCICE) + " »")
					+ " (de " + offered.get(0) + " à " + offered.get(offered.size() - 1) + ")"));
		}
		Optional<CentreType> type = CentreType.fromFileValue(values.get(TYPE));
		if (type.isEmpty()) {
			problems.add(new CalculettePage.Problem(TYPE, "Type de centre", values.isBlank(TYPE)
					? "choisissez le type du centre" : "type de centre inconnu : « " + values.get(TYPE) + " »"));
		}
		if (exercice.isEmpty() || type.isEmpty()) {
			return null;
		}
		return FormLayout.of(this.rules.rulesFor(exercice.get()), this.rules.rulesAfter(exercice.get()), type.get());
	}

	private CalculettePage page(FormValues values, FormLayout layout, List<CalculettePage.Problem> problems,
			CalculettePage.EstimateView estimate) {
		String exercice = values.isBlank(EXERCICE) ? String.valueOf(this.rules.defaultExercice())
				: values.get(EXERCICE);
		return new CalculettePage(this.rules.exercices(), Arrays.asList(CentreType.values()), exercice,
				values.get(TYPE), layout, values, ordered(layout, problems), estimate);
	}

	/** The problems in the order of the fields of the form. */
	private static List<CalculettePage.Problem> ordered(FormLayout layout, List<CalculettePage.Problem> problems) {
		if (layout == null) {
			return List.copyOf(problems);
		}
		List<String> order = new ArrayList<>(layout.labels().keySet());
		return problems.stream()
			.sorted(Comparator.comparingInt(p -> order.indexOf(p.field()) < 0 ? -1 : order.indexOf(p.field())))
			.toList();
	}

}
