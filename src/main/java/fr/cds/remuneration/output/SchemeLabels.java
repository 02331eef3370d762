package fr.cds.remuneration.output;

import java.util.Map;

/**
 * The names of the insurance schemes of the patient extract's {@code regime} column, so that a
 * statement never prints a scheme's code alone ("RG 81" means nothing to a centre manager). A code
 * not listed here is printed as the extract gives it, introduced as a scheme.
 */
final class SchemeLabels {

	private static final Map<String, String> LABELS = Map.of("RG", "régime général", "MSA",
			"régime agricole (MSA)", "SLM", "sections locales mutualistes (SLM)", "AUTRE", "autres régimes", "CAMIEG",
			"régime des industries électriques et gazières (CAMIEG)", "ENIM", "régime des marins (ENIM)", "CNMSS",
			"régime des militaires (CNMSS)", "CRPCEN", "régime des clercs et employés de notaires (CRPCEN)");

	private SchemeLabels() {
	}

	/** The scheme's name for a statement. */
	static String of(String code) {
		String label = LABELS.get(code);
		return label != null ? label : "régime " + code;
	}

}
