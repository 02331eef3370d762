package fr.cds.remuneration.simulation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.cds.remuneration.centre.Population;

/**
 * One centre described by named values, as a person types them in the web calculette or sends
 * them to its API, in the vocabulary of the input files so that the run's validators can check
 * them: the columns of its centres.csv row, its answers by indicator code (as in
 * declarations.csv, the per-act supplements' counts included), the counts of each patient list by
 * column of the count summary ({@link PatientCounts#COLUMNS}), its médecin-traitant patients by
 * category of the rules, and its contracts by contracts.csv column. Nothing here is about a
 * patient: counts only.
 *
 * @param centre values by centres.csv column ({@code finess}, {@code type}, {@code etp_infirmier}…)
 * @param answers declared answers by indicator code; an indicator left out is not declared
 * @param counts the counts of each list given, by column; a list or column left out counts none
 * @param medecinTraitant médecin-traitant patients by {@link #categoryName} and
 * {@link #supplementName}, or empty when the forfait is not to be estimated
 * @param contracts each contract by contracts.csv column (without {@code finess}), or empty when
 * the contract aids are not to be estimated
 */
public record CentreValues(Map<String, String> centre, Map<String, String> answers,
		Map<Population, Map<String, String>> counts, Optional<Map<String, String>> medecinTraitant,
		Optional<List<Map<String, String>>> contracts) {

	public CentreValues {
		centre = Map.copyOf(centre);
		answers = Map.copyOf(answers);
		counts = Map.copyOf(counts);
		medecinTraitant = medecinTraitant.map(Map::copyOf);
		contracts = contracts.map(List::copyOf);
	}

	/** Values without médecin-traitant patients nor contracts: those streams are not estimated. */
	public CentreValues(Map<String, String> centre, Map<String, String> answers,
			Map<Population, Map<String, String>> counts) {
		this(centre, answers, counts, Optional.empty(), Optional.empty());
	}

	/** Name of the value giving {@code column} of the list {@code population}: {@code c2s_medecin_traitant}. */
	public static String countName(String column, Population population) {
		return column + "_" + population.dataValue();
	}

	/** Name of the value giving the médecin-traitant patients of a category: {@code mt_MOINS_7_ANS}. */
	public static String categoryName(String code) {
		return "mt_" + code;
	}

	/** Name of the value giving the patients of a médecin-traitant supplement: {@code mt_supplement_C2S}. */
	public static String supplementName(String code) {
		return "mt_supplement_" + code;
	}

	/** Name of the value giving {@code column} of the contract at {@code index} (from 1): {@code contrat_1_etp}. */
	public static String contractName(int index, String column) {
		return "contrat_" + index + "_" + column;
	}

}
