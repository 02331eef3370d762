package fr.cds.remuneration.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.PeerThresholds;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.rules.ExerciceRules;

/**
 * Computes every centre under the base rules once and under each draft, with the engine the annual
 * run and the re-processing use: a pure computation over inputs already read, on every core.
 */
public final class ImpactComputation {

	private ImpactComputation() {
	}

	/**
	 * @param centres the FINESS of the centres, in the order of the results
	 * @param inputs each centre's stored inputs
	 */
	public static List<DraftImpact> compute(List<String> centres, Function<String, CentreInputs> inputs,
			ExerciceRules base, List<Draft> drafts) {
		RemunerationEngine engine = new RemunerationEngine();
		// the national thresholds of each rule set over the same centres, as the annual run computes
		// them before its centres: a draft that changes a percentile moves its own threshold
		List<CentreInputs> all = centres.stream().map(inputs).toList();
		PeerThresholds baseThresholds = PeerThresholds.compute(base, all);
		List<PeerThresholds> draftThresholds = drafts.stream().map(d -> PeerThresholds.compute(d.rules(), all)).toList();
		List<CentreResult[]> results = centres.parallelStream().map(finess -> {
			CentreInputs centre = inputs.apply(finess);
			CentreResult[] row = new CentreResult[drafts.size() + 1];
			row[0] = engine.compute(base, centre.withThresholds(baseThresholds));
			for (int i = 0; i < drafts.size(); i++) {
				row[i + 1] = engine.compute(drafts.get(i).rules(), centre.withThresholds(draftThresholds.get(i)));
			}
			return row;
		}).toList();
		List<DraftImpact> impacts = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			int column = i + 1;
			impacts.add(new DraftImpact(drafts.get(i),
					results.stream().map(row -> new CentreImpact(row[0], row[column])).toList()));
		}
		return impacts;
	}

}
