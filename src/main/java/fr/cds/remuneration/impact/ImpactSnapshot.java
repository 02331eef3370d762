package fr.cds.remuneration.impact;

import java.util.List;
import java.util.Map;

import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.snapshot.RunInputs;

/**
 * The frozen inputs of every centre of a paid exercice, read once: each centre's latest stored
 * inputs (the annual run's, or those of the latest completed dispute that corrected them), as a
 * re-processing would take them.
 *
 * @param annualRunId the completed annual run whose snapshot this is
 * @param baseRuleSet the rule set ({@code id@version}) of the latest completed run of the
 * exercice, the default base
 * @param baseRulesLocation where that run read its rule sets
 * @param inputRuns the run holding each centre's inputs, by FINESS in FINESS order
 * @param inputs what each of those runs stored, by run id
 */
public record ImpactSnapshot(int exercice, long annualRunId, String baseRuleSet, String baseRulesLocation,
		Map<String, Long> inputRuns, Map<Long, RunInputs> inputs) {

	public List<String> centres() {
		return List.copyOf(this.inputRuns.keySet());
	}

	public boolean hasCentre(String finess) {
		return this.inputRuns.containsKey(finess);
	}

	public CentreInputs of(String finess) {
		return this.inputs.get(this.inputRuns.get(finess)).of(finess);
	}

}
