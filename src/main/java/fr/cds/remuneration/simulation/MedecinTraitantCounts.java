package fr.cds.remuneration.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.extract.MedecinTraitantProfile;
import fr.cds.remuneration.rules.model.DeclaredAnswer;
import fr.cds.remuneration.rules.ExercicePayments;
import fr.cds.remuneration.rules.model.PatientCategory;
import fr.cds.remuneration.rules.model.PatientSelector;

/**
 * Médecin-traitant patients typed by category of the exercice's rules (the calculette, the API)
 * instead of read patient by patient from the extract: the counts become a
 * {@link MedecinTraitantProfile} that gives back exactly the typed count for every category and
 * supplement, so that the engine computes the forfait as it does from the extract. The categories
 * split the patients (each patient in one); a supplement (FMT: C2S) counts patients of any
 * category, so its patients are spread over the categories that can hold them. When the counts
 * cannot go together (more supplement patients than patients), the problem is said in French.
 */
public final class MedecinTraitantCounts {

	/**
	 * The C2S patients of the list, counted by the precarity uplift of the forfait: spread like a
	 * supplement's patients (its code names the form's field that typed them).
	 */
	private static final PatientCategory C2S_PATIENTS = new PatientCategory("C2S_MEDECIN_TRAITANT",
			"patients bénéficiaires de la C2S", new PatientSelector(null, null, null, true, null), null, null, null);

	private MedecinTraitantCounts() {
	}

	/** The profile, or the problems of the counts (then {@code profile} is {@code null}). */
	public record Checked(MedecinTraitantProfile profile, List<CentreSimulation.Refusal> refusals) {
	}

	/**
	 * @param counts typed counts by value name ({@link CentreValues#categoryName},
	 * {@link CentreValues#supplementName}); a category left out counts none
	 */
	public static Checked check(ExercicePayments.MedecinTraitant rule, Map<String, String> counts) {
		return check(rule, counts, Optional.empty());
	}

	/**
	 * @param c2sPatients the C2S patients among the médecin-traitant patients, as the form's
	 * médecin-traitant list gives them: placed on the profile like a supplement's patients when the
	 * forfait has a precarity uplift (which counts them), ignored otherwise
	 */
	public static Checked check(ExercicePayments.MedecinTraitant rule, Map<String, String> counts,
			Optional<Long> c2sPatients) {
		List<CentreSimulation.Refusal> refusals = new ArrayList<>();
		Map<PatientCategory, Long> categories = read(rule.categories(), counts, CentreValues::categoryName, refusals);
		Map<PatientCategory, Long> supplements = read(rule.supplements(), counts, CentreValues::supplementName,
				refusals);
		if (!refusals.isEmpty()) {
			return new Checked(null, List.copyOf(refusals));
		}
		if (rule.precarity().isPresent() && c2sPatients.isPresent()
				&& supplements.keySet().stream().noneMatch(s -> C2S_PATIENTS.patients().equals(s.patients()))) {
			supplements.put(C2S_PATIENTS, c2sPatients.get());
		}
		long patients = categories.values().stream().mapToLong(Long::longValue).sum();
		supplements.forEach((supplement, count) -> {
			if (count > patients) {
				refusals.add(new CentreSimulation.Refusal(CentreValues.supplementName(supplement.code()),
						String.valueOf(count), "plus de patients pour ce supplément (" + FrenchFormat.integer(count)
								+ ") que de patients médecin traitant dans les catégories ("
								+ FrenchFormat.integer(patients) + ")"));
			}
		});
		if (!refusals.isEmpty()) {
			return new Checked(null, List.copyOf(refusals));
		}
		MedecinTraitantProfile profile = spread(categories, supplements);
		// the spreading is checked, not trusted: each typed count must come back exactly
		supplements.forEach((supplement, count) -> {
			long found = profile.count(supplement.patients());
			if (found != count) {
				refusals.add(new CentreSimulation.Refusal(CentreValues.supplementName(supplement.code()),
						String.valueOf(count), "ce nombre ne peut pas aller avec ceux des catégories : elles imposent "
								+ FrenchFormat.integer(found) + " patients pour ce supplément"));
			}
		});
		return refusals.isEmpty() ? new Checked(profile, List.of()) : new Checked(null, List.copyOf(refusals));
	}

	private static Map<PatientCategory, Long> read(List<ExercicePayments.Category> categories,
			Map<String, String> counts, java.util.function.Function<String, String> name,
			List<CentreSimulation.Refusal> refusals) {
		Map<PatientCategory, Long> read = new LinkedHashMap<>();
		for (ExercicePayments.Category category : categories) {
			String field = name.apply(category.category().code());
			String value = counts.getOrDefault(field, "").strip();
			if (value.isEmpty()) {
				read.put(category.category(), 0L);
				continue;
			}
			Optional<Integer> number = DeclaredAnswer.asNumber(value);
			if (number.isEmpty()) {
				refusals.add(new CentreSimulation.Refusal(field, value, value.startsWith("-")
						? "nombre négatif : un nombre de patients est positif ou nul"
						: "« " + value + " » n'est pas un nombre entier de patients (au plus 999 999)"));
			}
			else {
				read.put(category.category(), number.get().longValue());
			}
		}
		return read;
	}

	/**
	 * Patients of each category put on kinds the category selects, first on kinds that the
	 * supplements still short of patients also select, then on kinds that no other supplement does.
	 */
	private static MedecinTraitantProfile spread(Map<PatientCategory, Long> categories,
			Map<PatientCategory, Long> supplements) {
		Map<PatientCategory, Long> missing = new HashMap<>(supplements);
		Map<Integer, Long> kinds = new HashMap<>();
		categories.forEach((category, count) -> {
			long left = count;
			while (left > 0) {
				int kind = bestKind(category, missing);
				if (kind < 0) {
					break; // a category that selects no patient: the loader refuses it
				}
				long taken = left;
				for (Map.Entry<PatientCategory, Long> supplement : missing.entrySet()) {
					if (MedecinTraitantProfile.matches(supplement.getKey().patients(), kind)
							&& supplement.getValue() > 0) {
						taken = Math.min(taken, supplement.getValue());
					}
				}
				final long placed = taken;
				kinds.merge(kind, placed, Long::sum);
				missing.replaceAll((s, n) -> MedecinTraitantProfile.matches(s.patients(), kind) ? n - placed : n);
				left -= placed;
			}
		});
		return new MedecinTraitantProfile(kinds);
	}

	/**
	 * The kind of {@code category} that the supplements still short of patients select most and the
	 * others least (the first such kind).
	 */
	private static int bestKind(PatientCategory category, Map<PatientCategory, Long> missing) {
		int best = -1;
		int bestScore = Integer.MIN_VALUE;
		for (int kind = 0; kind < MedecinTraitantProfile.KINDS; kind++) {
			if (!MedecinTraitantProfile.matches(category.patients(), kind)) {
				continue;
			}
			int score = 0;
			for (Map.Entry<PatientCategory, Long> supplement : missing.entrySet()) {
				if (MedecinTraitantProfile.matches(supplement.getKey().patients(), kind)) {
					score += supplement.getValue() > 0 ? 1 : -1000;
				}
			}
			if (score > bestScore) {
				best = kind;
				bestScore = score;
			}
		}
		return best;
	}

}
