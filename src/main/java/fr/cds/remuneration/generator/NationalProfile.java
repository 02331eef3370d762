package fr.cds.remuneration.generator;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.cds.remuneration.centre.CentreType;

/**
 * The calibration of the synthetic national data, from the confirmed figures of BRIEF.md §9 where
 * they exist, and plausible orders of magnitude elsewhere (each said below). It shapes test data
 * only: no remuneration rule lives here.
 */
final class NationalProfile {

	private NationalProfile() {
	}

	/** Centres paid in 2024 by type: 1,111 dental, 409 nursing, 305 médical, 846 polyvalent (§9). */
	static final Map<CentreType, Integer> TYPE_WEIGHTS = Map.of(CentreType.DENTAIRE, 1111, CentreType.INFIRMIER, 409,
			CentreType.MEDICAL, 305, CentreType.POLYVALENT, 846);

	/**
	 * Île-de-France 2024: 52 % dental, 33 % polyvalent (§9); the rest split between médical and
	 * nursing in the national proportion.
	 */
	static final Map<CentreType, Integer> ILE_DE_FRANCE_TYPE_WEIGHTS = Map.of(CentreType.DENTAIRE, 520,
			CentreType.POLYVALENT, 330, CentreType.MEDICAL, 64, CentreType.INFIRMIER, 86);

	/**
	 * Centres per region (INSEE code): Île-de-France 939 of 3,005 conventioned centres, Grand Est
	 * 212, Normandie 127 (§9); the other regions share the rest in proportion to their population
	 * (INSEE 2024 estimates, millions of inhabitants × 100).
	 */
	static final Map<String, Integer> REGION_WEIGHTS = regionWeights();

	private static Map<String, Integer> regionWeights() {
		Map<String, Integer> population = new LinkedHashMap<>();
		population.put("84", 815); // Auvergne-Rhône-Alpes
		population.put("27", 280); // Bourgogne-Franche-Comté
		population.put("53", 345); // Bretagne
		population.put("24", 257); // Centre-Val de Loire
		population.put("94", 35); // Corse
		population.put("32", 598); // Hauts-de-France
		population.put("75", 610); // Nouvelle-Aquitaine
		population.put("76", 614); // Occitanie
		population.put("52", 390); // Pays de la Loire
		population.put("93", 513); // Provence-Alpes-Côte d'Azur
		population.put("01", 38); // Guadeloupe
		population.put("02", 35); // Martinique
		population.put("03", 29); // Guyane
		population.put("04", 89); // La Réunion
		population.put("06", 32); // Mayotte
		int others = population.values().stream().mapToInt(Integer::intValue).sum();
		int remaining = 3005 - 939 - 212 - 127;
		Map<String, Integer> weights = new LinkedHashMap<>();
		weights.put("11", 939 * others);
		weights.put("44", 212 * others);
		weights.put("28", 127 * others);
		population.forEach((code, inhabitants) -> weights.put(code, inhabitants * remaining));
		return weights;
	}

	/**
	 * Share of centres that miss one socle indicator: 2,671 paid of 3,005 with a validated
	 * declaration in 2024 (§9), about 11 %.
	 */
	static final double SOCLE_MISS_RATE = 1 - 2671.0 / 3005.0;

	/** Probability that an optional yes/no indicator is answered yes (plausible, not published). */
	static final double OPTIONAL_YES_RATE = 0.55;

	/**
	 * Patients per FTE of the profession that defines each type's patient list: a general
	 * practitioner's médecin-traitant list (~800), a dentist's active list (~1,200), a nurse's
	 * (~150). Orders of magnitude, not published figures for centres.
	 */
	static final Map<CentreType, Integer> PATIENTS_PER_FTE = Map.of(CentreType.MEDICAL, 800, CentreType.POLYVALENT,
			800, CentreType.DENTAIRE, 1200, CentreType.INFIRMIER, 150);

	/**
	 * Patient rates in health centres, which serve more precarious populations than the average:
	 * C2S about 18 % (national rate about 11 %), AME 1.5 % (0.7 %), ALD 18 %, disability 5 %
	 * (plausible, not published for centres).
	 */
	static final double C2S_RATE = 0.18;

	static final double AME_RATE = 0.015;

	static final double ALD_RATE = 0.18;

	static final double HANDICAP_RATE = 0.05;

	/**
	 * Médecin-traitant patients not seen by a doctor of the centre for two years: 8 % (plausible, not
	 * published).
	 */
	static final double NOT_SEEN_RATE = 0.08;

	/** Share of centres that declare each per-act supplement that applies to them (plausible). */
	static final double ACT_SUPPLEMENT_RATE = 0.4;

	/**
	 * Acts declared per doctor (or midwife) FTE and year, at most: 150, well under the SAS cap of
	 * 20 a week (plausible, not published).
	 */
	static final double ACTS_PER_DOCTOR_FTE = 150;

	/** The contract kind of the medical-assistant aid: one contract for the centre's assistant FTE. */
	static final String ASSISTANT_CONTRACT = "ASSISTANT_MEDICAL";

	/** Share of eligible centres with a contract of each other aid (IPA, installation…): plausible. */
	static final double OTHER_CONTRACT_RATE = 0.1;

	/** Insurance schemes: general scheme ~88 %, agricultural 5 %, students and others. */
	static final String[] SCHEMES = { "RG", "MSA", "SLM", "AUTRE" };

	static final double[] SCHEME_WEIGHTS = { 0.88, 0.05, 0.05, 0.02 };

}
