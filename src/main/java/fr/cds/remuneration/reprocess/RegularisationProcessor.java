package fr.cds.remuneration.reprocess;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import fr.cds.remuneration.annual.AnnualRun;
import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.PeerThresholds;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.reprocess.ReprocessStore.ScopeCentre;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * Recomputes one centre under the new rules from its stored inputs (never the raw files), and
 * finds the result its ledger stood on before, for the comparison.
 */
public class RegularisationProcessor implements ItemProcessor<ScopeCentre, Regularisation> {

	private final RunStore store;

	private final ReprocessStore reprocessStore;

	private final JobRepository jobRepository;

	private final long runId;

	private final ReprocessRun run;

	private final ExerciceRules rules;

	private final RemunerationEngine engine = new RemunerationEngine();

	private final Map<Long, LocalDate> extractionDates = new HashMap<>();

	public RegularisationProcessor(RunStore store, ReprocessStore reprocessStore, JobRepository jobRepository, long runId,
			ReprocessRun run, ExerciceRules rules) {
		this.store = store;
		this.reprocessStore = reprocessStore;
		this.jobRepository = jobRepository;
		this.runId = runId;
		this.run = run;
		this.rules = rules;
	}

	@Override
	public Regularisation process(ScopeCentre centre) {
		String finess = centre.finess();
		long inputRun = centre.inputRunId();
		CentreInputs inputs = new CentreInputs(this.store.centre(inputRun, finess),
				this.store.declaration(inputRun, finess), this.store.patientAggregate(inputRun, finess),
				extractionDate(inputRun), this.store.rejectedRowsOfCentre(inputRun, finess),
				this.store.contracts(inputRun, finess));
		CentreResult result = this.engine.compute(this.rules, inputs.withThresholds(thresholds()));
		long basis = this.reprocessStore.ledgerBasisRun(this.run.exercice(), this.run.baseRunId(), finess, this.runId);
		Optional<CentreResult> previous = this.store.result(basis, finess);
		return new Regularisation(finess, inputRun, previous.map(p -> basis), previous, result);
	}

	private PeerThresholds thresholds;

	/**
	 * The national thresholds under the re-processing's rules, over the annual run's centres (not
	 * held), computed once as the annual run does before its centres; none when no aid needs them.
	 */
	private synchronized PeerThresholds thresholds() {
		if (this.thresholds == null) {
			boolean needed = this.rules.payments().contractAids().stream().anyMatch(a -> a.maintenance().isPresent());
			long annual = this.run.baseRunId();
			this.thresholds = needed ? PeerThresholds.compute(this.rules, this.store.inputs(annual, extractionDate(annual))
				.all(this.store.heldCentres(annual).keySet())) : PeerThresholds.NONE;
		}
		return this.thresholds;
	}

	/** Date of the patient extract of the run that stored the inputs (a parameter of that run). */
	private LocalDate extractionDate(long inputRun) {
		return this.extractionDates.computeIfAbsent(inputRun, id -> {
			JobExecution execution = this.jobRepository.getLastJobExecution(this.jobRepository.getJobInstance(id));
			return execution.getJobParameters().getLocalDate(AnnualRun.EXTRACTION_DATE);
		});
	}

}
