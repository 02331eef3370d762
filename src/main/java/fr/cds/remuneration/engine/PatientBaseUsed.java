package fr.cds.remuneration.engine;

import java.time.LocalDate;

import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.extract.PopulationCounts;

/**
 * The patient list used for the centre's type, with its counts (shown on the statement).
 *
 * @param extractionDate date of the insurer's extract the counts come from
 */
public record PatientBaseUsed(Population population, String label, PopulationCounts counts,
		LocalDate extractionDate) {
}
