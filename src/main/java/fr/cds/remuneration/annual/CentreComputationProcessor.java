package fr.cds.remuneration.annual;

import java.util.Map;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * Computes one centre: gathers its inputs from the run's snapshot (centre, declaration, patient
 * aggregate, rejected rows, contracts) and runs the engine under the exercice's rules.
 */
public class CentreComputationProcessor implements ItemProcessor<String, CentreResult> {

	private final RunStore store;

	private final RunContext context;

	private final ExerciceRules rules;

	private final Map<String, Long> rejectedRows;

	private final RemunerationEngine engine = new RemunerationEngine();

	public CentreComputationProcessor(RunStore store, RunContext context, ExerciceRules rules) {
		this.store = store;
		this.context = context;
		this.rules = rules;
		this.rejectedRows = store.rejectedRowsByCentre(context.runId());
	}

	@Override
	public CentreResult process(String finess) {
		long runId = this.context.runId();
		CentreInputs inputs = new CentreInputs(this.store.centre(runId, finess), this.store.declaration(runId, finess),
				this.store.patientAggregate(runId, finess), this.context.run().extractionDate(),
				this.rejectedRows.getOrDefault(finess, 0L), this.store.contracts(runId, finess));
		return this.engine.compute(this.rules, inputs);
	}

}
