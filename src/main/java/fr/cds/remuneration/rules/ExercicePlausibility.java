package fr.cds.remuneration.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import fr.cds.remuneration.rules.model.PlausibilityBounds;
import fr.cds.remuneration.rules.model.Resolved;

/**
 * The plausibility bounds that apply to one exercice, each with its provenance; a bound the rule
 * set does not have is empty (nothing is held on it).
 */
public record ExercicePlausibility(Optional<Resolved<BigDecimal>> actsPerFteDay,
		Optional<Resolved<Integer>> declaredCount, Optional<Resolved<BigDecimal>> ftePerProfession, Optional<Resolved<LocalDate>> earliestAdhesion,
		Optional<Resolved<Integer>> extractionLagDays) {

	static ExercicePlausibility resolve(PlausibilityBounds bounds, int exercice) {
		return new ExercicePlausibility(bounds.actsPerFteDay().at(exercice), bounds.declaredCount().at(exercice),
				bounds.ftePerProfession().at(exercice),
				bounds.earliestAdhesion().at(exercice), bounds.extractionLagDays().at(exercice));
	}

	/**
	 * Why a patient extract taken on {@code extractionDate} cannot be paid on for {@code exercice},
	 * or empty: taken before the exercice was over (plus the lag of the rule set), or after
	 * {@code today}.
	 */
	public Optional<String> extractionDateProblem(int exercice, LocalDate extractionDate, LocalDate today) {
		int lag = this.extractionLagDays.map(Resolved::value).orElse(0);
		LocalDate earliest = LocalDate.of(exercice, 12, 31).plusDays(1 + lag);
		if (extractionDate.isBefore(earliest)) {
			return Optional.of("date d'extraction " + extractionDate + " antérieure au " + earliest
					+ " : l'extraction des patients ne couvre pas tout l'exercice " + exercice
					+ (lag > 0 ? " (délai de " + lag + " jours après la fin de l'exercice, paramètre plausibility.extraction_lag_days)" : "")
					+ ". Indiquez la date réelle de l'extraction (--extraction-date).");
		}
		if (extractionDate.isAfter(today)) {
			return Optional.of("date d'extraction " + extractionDate + " postérieure à aujourd'hui (" + today
					+ ") : une extraction ne peut être datée du futur. Indiquez la date réelle de l'extraction"
					+ " (--extraction-date).");
		}
		return Optional.empty();
	}

}
