package fr.cds.remuneration.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.extract.PopulationCounts;
import fr.cds.remuneration.rules.model.DeclaredAnswer;

/**
 * Patient counts typed by a person instead of folded from the insurer's extract (the count summary
 * of {@code simulate}, the web calculette): the checks that the extract guarantees by
 * construction — whole non-negative numbers, no status counting more patients than its list, a
 * team active list inside the médecin-traitant list — made explicitly, with French reasons.
 */
public final class PatientCounts {

	/** The counts of one list, as named in the count summary and in the calculette's fields. */
	public static final List<String> COLUMNS = List.of("patients", "c2s", "ame", "ald", "handicap");

	private static final Map<String, String> STATUS_LABELS = Map.of("c2s", "bénéficiaires de la C2S", "ame",
			"bénéficiaires de l'AME", "ald", "patients en ALD", "handicap", "patients en situation de handicap");

	private PatientCounts() {
	}

	/** A count that cannot be taken: its column, the value as given, and why in French. */
	public record Problem(Population population, String column, String value, String reason) {
	}

	/**
	 * The counts of one list, or its problems (then {@code counts} is {@code null}).
	 *
	 * @param patients the size of the list when it could be read, even if another count could not
	 */
	public record Checked(PopulationCounts counts, Long patients, List<Problem> problems) {
	}

	/** Checks the counts of {@code population}; {@code valueOf} gives the text of each of {@link #COLUMNS}. */
	public static Checked check(Population population, Function<String, String> valueOf) {
		List<Problem> problems = new ArrayList<>();
		long[] counts = new long[COLUMNS.size()];
		boolean[] read = new boolean[COLUMNS.size()];
		for (int i = 0; i < COLUMNS.size(); i++) {
			String column = COLUMNS.get(i);
			String value = valueOf.apply(column).strip();
			Optional<Integer> number = DeclaredAnswer.asNumber(value);
			read[i] = number.isPresent();
			if (read[i]) {
				counts[i] = number.get();
			}
			else {
				problems.add(new Problem(population, column, value, notANumber(value)));
			}
		}
		for (int i = 1; i < COLUMNS.size(); i++) {
			if (read[0] && read[i] && counts[i] > counts[0]) {
				problems.add(new Problem(population, COLUMNS.get(i), String.valueOf(counts[i]),
						"plus de " + STATUS_LABELS.get(COLUMNS.get(i)) + " (" + counts[i] + ") que de patients dans la"
								+ " liste (" + counts[0] + ")"));
			}
		}
		return new Checked(problems.isEmpty() ? new PopulationCounts(counts[0], counts[1], counts[2], counts[3],
				counts[4]) : null, read[0] ? counts[0] : null, List.copyOf(problems));
	}

	/**
	 * The team active list is made of médecin-traitant patients (see {@link Population}): it cannot
	 * be longer than that list (checked when both sizes are known).
	 *
	 * @param sizes the number of patients of each list given and readable
	 */
	public static Optional<Problem> checkLists(Map<Population, Long> sizes) {
		Long team = sizes.get(Population.FILE_ACTIVE_EQUIPE);
		Long medecinTraitant = sizes.get(Population.MEDECIN_TRAITANT);
		if (team != null && medecinTraitant != null && team > medecinTraitant) {
			return Optional.of(new Problem(Population.FILE_ACTIVE_EQUIPE, "patients", String.valueOf(team),
					"la file active d'équipe (" + team + ") ne peut pas dépasser la patientèle médecin traitant ("
							+ medecinTraitant + ") dont elle fait partie"));
		}
		return Optional.empty();
	}

	private static String notANumber(String value) {
		if (value.isEmpty()) {
			return "nombre de patients manquant";
		}
		if (value.startsWith("-")) {
			return "nombre négatif : un nombre de patients est positif ou nul";
		}
		if (value.chars().allMatch(Character::isDigit)) {
			return "nombre invraisemblable (au plus 999 999 patients)";
		}
		return "« " + value + " » n'est pas un nombre entier de patients";
	}

}
