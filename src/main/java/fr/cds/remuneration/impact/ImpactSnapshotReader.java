package fr.cds.remuneration.impact;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.annual.AnnualPaymentJobConfiguration;
import fr.cds.remuneration.annual.AnnualRun;
import fr.cds.remuneration.reprocess.ReprocessJobConfiguration;
import fr.cds.remuneration.reprocess.ReprocessStore;
import fr.cds.remuneration.run.ExerciceJobLauncher;
import fr.cds.remuneration.snapshot.RunInputs;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * Reads the snapshot of a paid exercice for an impact computation: only reads, from the stored
 * inputs and the job repository, never a lock, a job or a ledger entry.
 */
@Component
public class ImpactSnapshotReader {

	private final RunStore runs;

	private final ReprocessStore reprocessStore;

	private final ExerciceJobLauncher exerciceJobs;

	private final JobRepository jobRepository;

	public ImpactSnapshotReader(RunStore runs, ReprocessStore reprocessStore, ExerciceJobLauncher exerciceJobs,
			JobRepository jobRepository) {
		this.runs = runs;
		this.reprocessStore = reprocessStore;
		this.exerciceJobs = exerciceJobs;
		this.jobRepository = jobRepository;
	}

	/** The exercice's snapshot, or empty when the exercice has no completed annual run. */
	public Optional<ImpactSnapshot> read(int exercice) {
		List<JobExecution> annual = this.exerciceJobs.completedExecutions(AnnualPaymentJobConfiguration.JOB_NAME,
				exercice);
		if (annual.isEmpty()) {
			return Optional.empty();
		}
		long annualRunId = annual.get(0).getJobInstanceId();
		JobExecution latest = Stream
			.concat(annual.stream(),
					this.exerciceJobs.completedExecutions(ReprocessJobConfiguration.JOB_NAME, exercice).stream())
			.max(Comparator.comparing(JobExecution::getJobInstanceId))
			.orElseThrow();
		AnnualRun latestRun = AnnualRun.from(latest.getJobParameters());
		Map<String, Long> inputRuns = this.reprocessStore.latestInputRuns(exercice, annualRunId);
		// a held centre was paid nothing on inputs known to be incomplete: it is not part of the cost
		// (one query per run that stored inputs, not one per centre)
		Map<Long, Set<String>> held = new HashMap<>();
		inputRuns.entrySet().removeIf(entry -> held
			.computeIfAbsent(entry.getValue(), runId -> this.runs.heldCentres(runId).keySet())
			.contains(entry.getKey()));
		Map<Long, RunInputs> inputs = new HashMap<>();
		for (long runId : new HashSet<>(inputRuns.values())) {
			inputs.put(runId, this.runs.inputs(runId, extractionDate(runId)));
		}
		return Optional.of(new ImpactSnapshot(exercice, annualRunId, latestRun.ruleSet(), latestRun.rulesLocation(),
				inputRuns, inputs));
	}

	/** Date of the patient extract of the run that stored the inputs (a parameter of that run). */
	private LocalDate extractionDate(long runId) {
		JobExecution execution = this.jobRepository.getLastJobExecution(this.jobRepository.getJobInstance(runId));
		return execution.getJobParameters().getLocalDate(AnnualRun.EXTRACTION_DATE);
	}

}
