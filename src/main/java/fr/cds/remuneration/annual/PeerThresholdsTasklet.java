package fr.cds.remuneration.annual;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.engine.PeerThresholds;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.snapshot.PeerThresholdStore;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * Between the inputs and the computation: the national thresholds of the aids maintained only at or
 * above a percentile (avenant 5), over every centre of the run that is not held, from the
 * aggregates the input steps stored. Recorded in RUN_PEER_THRESHOLD, where the computation step
 * reads them; redone whole on a restart.
 */
public class PeerThresholdsTasklet implements Tasklet {

	private static final Log logger = LogFactory.getLog(PeerThresholdsTasklet.class);

	private final RunStore store;

	private final JobRunInputs inputs;

	private final PeerThresholdStore thresholds;

	private final RuleSetCatalog catalog;

	public PeerThresholdsTasklet(RunStore store, JobRunInputs inputs, PeerThresholdStore thresholds, RuleSetCatalog catalog) {
		this.store = store;
		this.inputs = inputs;
		this.thresholds = thresholds;
		this.catalog = catalog;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		long runId = context.runId();
		ExerciceRules rules = this.catalog.rules(context.run());
		List<CentreInputs> centres = this.inputs.of(contribution.getStepExecution())
			.all(this.store.heldCentres(runId).keySet());
		PeerThresholds computed = PeerThresholds.compute(rules, centres);
		this.thresholds.save(runId, computed);
		computed.byAid().values().forEach(t -> logger.info("Seuil national de " + t.aid() + " : percentile "
				+ t.rule().percentile().toPlainString() + " de " + t.rule().measure().dataValue() + " sur " + t.centres()
				+ " centres = " + (t.value() == null ? "aucun" : t.value().toPlainString())));
		return RepeatStatus.FINISHED;
	}

}
