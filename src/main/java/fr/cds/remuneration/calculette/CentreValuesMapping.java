package fr.cds.remuneration.calculette;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;

import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.centre.Zone;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.model.DeclaredAnswer;
import fr.cds.remuneration.simulation.CentreValues;
import fr.cds.remuneration.simulation.PatientCounts;

/**
 * Turns the form's values into the values of the input files that the run's validators check
 * ({@link CentreValues}), filling what the form lets the manager leave out: the département
 * comes from the FINESS, an empty adhesion or opening date means "before the exercice", an empty
 * count means none, and what the rules do not read (the zone when no rule depends on it) takes a
 * neutral value.
 */
final class CentreValuesMapping {

	/** The name of the centre when none is given. */
	static final String DEFAULT_NAME = "Centre de santé";

	private CentreValuesMapping() {
	}

	/** The centre of {@code form} for {@code exercice}, with {@code answers} by indicator code. */
	static CentreValues of(FormLayout layout, FormValues form, int exercice, Map<String, String> answers) {
		return new CentreValues(centre(layout, form, exercice), answers, counts(layout, form),
				medecinTraitant(layout, form), contracts(layout, form));
	}

	/**
	 * The same centre for the forfait alone (the comparison with the next exercice, whose
	 * médecin-traitant categories and aids differ): the other payments are not estimated.
	 */
	static CentreValues forfaitOnly(FormLayout layout, FormValues form, int exercice, Map<String, String> answers) {
		return new CentreValues(centre(layout, form, exercice), answers, counts(layout, form));
	}

	/** The médecin-traitant patients typed, or empty when every field of the forfait was left empty. */
	private static Optional<Map<String, String>> medecinTraitant(FormLayout layout, FormValues form) {
		if (layout.medecinTraitant() == null) {
			return Optional.empty();
		}
		Map<String, String> counts = new HashMap<>();
		layout.medecinTraitant().fields().forEach(f -> counts.put(f.name(), form.get(f.name())));
		return counts.values().stream().allMatch(String::isBlank) ? Optional.empty() : Optional.of(counts);
	}

	/** The contracts typed, slot by slot, leaving out the empty slots; empty when none was typed. */
	private static Optional<List<Map<String, String>>> contracts(FormLayout layout, FormValues form) {
		if (!layout.asksContracts()) {
			return Optional.empty();
		}
		List<Map<String, String>> contracts = new ArrayList<>();
		for (int slot : contractSlots(form)) {
			Map<String, String> contract = new HashMap<>();
			FormLayout.CONTRACT_COLUMNS
				.forEach(column -> contract.put(column, form.get(CentreValues.contractName(slot, column)).strip()));
			// the zone and the kind are choices that always have a value: a slot counts when something is typed
			if (!contract.get("numero_contrat").isEmpty() || !contract.get("date_debut").isEmpty()
					|| !contract.get("etp").isEmpty()) {
				contracts.add(contract);
			}
		}
		return contracts.isEmpty() ? Optional.empty() : Optional.of(contracts);
	}

	/** The contract slots the form shows: at least one, as many as asked or as filled. */
	static List<Integer> contractSlots(FormValues form) {
		int slots = DeclaredAnswer.asNumber(form.get(FormLayout.CONTRACT_SLOTS)).orElse(1);
		for (String name : form.values().keySet()) {
			java.util.regex.Matcher matcher = CONTRACT_FIELD.matcher(name);
			if (matcher.matches()) {
				slots = Math.max(slots, Integer.parseInt(matcher.group(1)));
			}
		}
		slots = Math.max(1, Math.min(slots, MAX_CONTRACTS));
		return java.util.stream.IntStream.rangeClosed(1, slots).boxed().toList();
	}

	/** Contracts a form can hold: far more than any centre has, few enough to bound a request. */
	static final int MAX_CONTRACTS = 50;

	private static final java.util.regex.Pattern CONTRACT_FIELD = java.util.regex.Pattern.compile("contrat_(\\d{1,2})_.*");

	/** The answers typed in the form's answer fields. */
	static Map<String, String> answers(FormLayout layout, FormValues form) {
		Map<String, String> answers = new HashMap<>();
		layout.answers().stream()
			.filter(field -> !form.isBlank(field.name()))
			.forEach(field -> answers.put(field.name(), form.get(field.name())));
		return answers;
	}

	private static Map<String, String> centre(FormLayout layout, FormValues form, int exercice) {
		Map<String, String> centre = new HashMap<>();
		String finess = form.get(FormLayout.FINESS).strip();
		centre.put(FormLayout.FINESS, finess);
		centre.put("departement", Finess.parse(finess).map(Finess::departement).orElse(""));
		centre.put(FormLayout.NAME, form.isBlank(FormLayout.NAME) ? DEFAULT_NAME : form.get(FormLayout.NAME));
		centre.put("type", layout.type().fileValue());
		// "before the exercice": the eve of its first day, so neither pro-rata nor derogation applies
		String before = LocalDate.of(exercice, 1, 1).minusDays(1).toString();
		centre.put(FormLayout.ADHESION, orElse(form, FormLayout.ADHESION, before, layout.asksDates()));
		centre.put(FormLayout.OPENING, orElse(form, FormLayout.OPENING, before, layout.asksDates()));
		centre.put(FormLayout.CLOSING, layout.asksDates() ? form.get(FormLayout.CLOSING) : "");
		centre.put(FormLayout.ZONE, layout.asksZone() ? form.get(FormLayout.ZONE) : Zone.HORS_ZONE.name());
		layout.staff().forEach(field -> centre.put(field.name(), form.get(field.name())));
		return centre;
	}

	private static Map<Population, Map<String, String>> counts(FormLayout layout, FormValues form) {
		Map<Population, Map<String, String>> counts = new EnumMap<>(Population.class);
		for (Population population : Population.values()) {
			for (String column : PatientCounts.COLUMNS) {
				String name = CentreValues.countName(column, population);
				boolean asked = layout.countFields().stream().anyMatch(f -> f.name().equals(name));
				if (asked) {
					counts.computeIfAbsent(population, p -> new HashMap<>())
						.put(column, form.isBlank(name) ? "0" : form.get(name));
				}
			}
		}
		return counts;
	}

	private static String orElse(FormValues form, String name, String otherwise, boolean asked) {
		return asked && !form.isBlank(name) ? form.get(name) : otherwise;
	}

}
