package fr.cds.remuneration.annual;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import fr.cds.remuneration.engine.PeerThresholds;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.snapshot.RunInputs;
import fr.cds.remuneration.snapshot.RunStore.StoredResult;

/**
 * Computes one centre from the run's snapshot (centre, declaration, patient aggregate, contracts, rejected
 * rows) under the exercice's rules. The result's JSON is written here too: it is the costly part
 * of storing it, and processors run on several threads while the writer runs on one.
 */
public class CentreComputationProcessor implements ItemProcessor<String, StoredResult> {

	private final RunInputs inputs;

	private final ExerciceRules rules;

	private final PeerThresholds thresholds;

	private final RemunerationEngine engine = new RemunerationEngine();

	/** @param thresholds the national thresholds the run recorded before its computation step */
	public CentreComputationProcessor(RunInputs inputs, ExerciceRules rules, PeerThresholds thresholds) {
		this.inputs = inputs;
		this.rules = rules;
		this.thresholds = thresholds;
	}

	@Override
	public StoredResult process(String finess) {
		return StoredResult.of(this.engine.compute(this.rules, this.inputs.of(finess).withThresholds(this.thresholds)));
	}

}
