package fr.cds.remuneration.simulation;

import java.util.Map;

import fr.cds.remuneration.extract.Population;

/**
 * One centre described by named values, as a person types them in the web calculette, in the
 * vocabulary of the input files so that the run's validators can check them: the columns of its
 * centres.csv row, its answers by indicator code (as in declarations.csv), and the counts of each
 * patient list by column of the count summary ({@link PatientCounts#COLUMNS}). Nothing here is
 * about a patient: counts only.
 *
 * @param centre values by centres.csv column ({@code finess}, {@code type}, {@code etp_infirmier}…)
 * @param answers declared answers by indicator code; an indicator left out is not declared
 * @param counts the counts of each list given, by column; a list or column left out counts none
 */
public record CentreValues(Map<String, String> centre, Map<String, String> answers,
		Map<Population, Map<String, String>> counts) {

	public CentreValues {
		centre = Map.copyOf(centre);
		answers = Map.copyOf(answers);
		counts = Map.copyOf(counts);
	}

	/** Name of the value giving {@code column} of the list {@code population}: {@code c2s_medecin_traitant}. */
	public static String countName(String column, Population population) {
		return column + "_" + population.dataValue();
	}

}
