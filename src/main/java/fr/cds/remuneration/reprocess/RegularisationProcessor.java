package fr.cds.remuneration.reprocess;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import fr.cds.remuneration.annual.AnnualRun;
import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.engine.PeerThresholds;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.reprocess.ReprocessStore.ScopeCentre;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.snapshot.RunInputs;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.StoredResult;

/**
 * Recomputes one centre under the new rules from its stored inputs (never the raw files), and
 * finds the run of the result its ledger stood on before, for the comparison. What the runs stored
 * is read once per run for every centre (a few queries, not six per centre: at 3,000 centres the
 * per-centre reads and the parsing of each previous result were most of the step).
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

	private final Map<Long, RunInputs> inputsByRun = new HashMap<>();

	private final Map<Long, Set<String>> centresWithResultByRun = new HashMap<>();

	private Map<String, Long> ledgerBases;

	private PeerThresholds thresholds;

	public RegularisationProcessor(RunStore store, ReprocessStore reprocessStore, JobRepository jobRepository, long runId,
			ReprocessRun run, ExerciceRules rules) {
		this.store = store;
		this.reprocessStore = reprocessStore;
		this.jobRepository = jobRepository;
		this.runId = runId;
		this.run = run;
		this.rules = rules;
	}

	/**
	 * Thread-safe: the items of a chunk are computed on several threads (as the annual computation
	 * does); what the runs stored is read once, under this object's lock, and only read after.
	 */
	@Override
	public Regularisation process(ScopeCentre centre) {
		String finess = centre.finess();
		long inputRun = centre.inputRunId();
		RunInputs runInputs;
		PeerThresholds peerThresholds;
		long basis;
		synchronized (this) {
			runInputs = inputs(inputRun);
			peerThresholds = thresholds();
			basis = ledgerBases().getOrDefault(finess, this.run.baseRunId());
		}
		boolean hadResult = centresWithResult(basis).contains(finess);
		CentreInputs inputs = runInputs.of(finess);
		// the result is encoded here too, as in the annual computation: the costly part of storing it
		StoredResult result = StoredResult.of(this.engine.compute(this.rules, inputs.withThresholds(peerThresholds)));
		return new Regularisation(finess, inputRun, hadResult ? Optional.of(basis) : Optional.empty(), result);
	}

	private synchronized Set<String> centresWithResult(long basis) {
		return this.centresWithResultByRun.computeIfAbsent(basis, this.store::centresWithResult);
	}

	/** What a run stored about all its centres, read at its first centre. */
	private RunInputs inputs(long inputRun) {
		return this.inputsByRun.computeIfAbsent(inputRun, id -> this.store.inputs(id, extractionDate(id)));
	}

	/**
	 * The runs the centres' ledgers stand on, read at the first centre: the writer adds this run's
	 * own entries meanwhile, which the query leaves out, and no other run pays the exercice while
	 * this one holds its lease.
	 */
	private Map<String, Long> ledgerBases() {
		if (this.ledgerBases == null) {
			this.ledgerBases = this.reprocessStore.ledgerBasisRuns(this.run.exercice(), this.runId);
		}
		return this.ledgerBases;
	}

	/**
	 * The national thresholds under the re-processing's rules, over the annual run's centres (not
	 * held), computed once as the annual run does before its centres; none when no aid needs them.
	 */
	private PeerThresholds thresholds() {
		if (this.thresholds == null) {
			boolean needed = this.rules.payments().contractAids().stream().anyMatch(a -> a.maintenance().isPresent());
			long annual = this.run.baseRunId();
			this.thresholds = needed
					? PeerThresholds.compute(this.rules, inputs(annual).all(this.store.heldCentres(annual).keySet()))
					: PeerThresholds.NONE;
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
