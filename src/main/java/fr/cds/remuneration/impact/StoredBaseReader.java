package fr.cds.remuneration.impact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.run.RunOperator;
import fr.cds.remuneration.snapshot.SnapshotJson;

/**
 * The « before » side of an impact, read rather than computed again: for each centre, the stored
 * result the ledger stands on (the result a re-processing subtracts from its new one), when that
 * result was computed under the very base rules (same {@code id@version} and same file checksum)
 * on the inputs the impact uses. A centre for which this does not hold is absent, and is computed
 * again from its inputs.
 *
 * <p>Why it is the same as computing again: the engine is deterministic over the same rules, inputs
 * and national thresholds, and the stored result is the engine's own output, as JSON. The
 * thresholds are the same only when every centre's inputs are the annual run's (a dispute that
 * corrected inputs may move a percentile): otherwise nothing is read and every centre is computed.
 */
@Component
public class StoredBaseReader {

	private final JdbcTemplate jdbc;

	private final JobRepository jobRepository;

	public StoredBaseReader(JdbcTemplate jdbc, JobRepository jobRepository) {
		this.jdbc = jdbc;
		this.jobRepository = jobRepository;
	}

	/** The stored base results that can stand for the base, by FINESS (possibly none). */
	public Map<String, CentreResult> read(ImpactSnapshot snapshot, RuleSet base) {
		boolean annualInputsOnly = snapshot.inputRuns().values().stream().allMatch(run -> run == snapshot.annualRunId());
		if (!annualInputsOnly) {
			return Map.of();
		}
		Map<Long, List<String>> centresByBasis = new HashMap<>();
		Map<String, Long> basis = ledgerBasisRuns(snapshot);
		for (String finess : snapshot.inputRuns().keySet()) {
			centresByBasis.computeIfAbsent(basis.getOrDefault(finess, snapshot.annualRunId()), run -> new ArrayList<>())
				.add(finess);
		}
		Map<String, CentreResult> stored = new ConcurrentHashMap<>();
		centresByBasis.forEach((run, centres) -> {
			if (underBase(run, base)) {
				stored.putAll(results(run, centres, base.reference()));
			}
		});
		return stored;
	}

	/**
	 * The run each centre's ledger stands on, as {@code ReprocessStore.ledgerBasisRun} says for one
	 * centre: the latest run that recorded its balance or a regularisation (else the annual run).
	 */
	private Map<String, Long> ledgerBasisRuns(ImpactSnapshot snapshot) {
		Map<String, Long> runs = new HashMap<>();
		this.jdbc.query("SELECT FINESS, MAX(RUN_ID) FROM PAYMENT_LEDGER WHERE EXERCICE = ?"
				+ " AND KIND IN ('SOLDE', 'REGULARISATION') AND RUN_ID IS NOT NULL GROUP BY FINESS", rs -> {
					runs.put(rs.getString(1), rs.getLong(2));
				}, snapshot.exercice());
		return runs;
	}

	/** Whether the run computed its results under the base: same reference, same file checksum. */
	private boolean underBase(long runId, RuleSet base) {
		JobInstance instance = this.jobRepository.getJobInstance(runId);
		JobExecution execution = instance == null ? null : this.jobRepository.getLastJobExecution(instance);
		return execution != null
				&& Objects.equals(execution.getJobParameters().getString(RunOperator.RULES_SHA256), base.sha256());
	}

	/** The run's results of {@code centres} under {@code reference}, the JSON read on every core. */
	private Map<String, CentreResult> results(long runId, List<String> centres, String reference) {
		java.util.Set<String> wanted = new java.util.HashSet<>(centres);
		Map<String, String> json = new HashMap<>();
		this.jdbc.query("SELECT FINESS, RULESET, RESULT_JSON FROM CENTRE_RESULT WHERE RUN_ID = ?", rs -> {
			if (wanted.contains(rs.getString(1)) && reference.equals(rs.getString(2))) {
				json.put(rs.getString(1), rs.getString(3));
			}
		}, runId);
		Map<String, CentreResult> results = new ConcurrentHashMap<>();
		json.entrySet()
			.parallelStream()
			.forEach(entry -> results.put(entry.getKey(), SnapshotJson.read(entry.getValue(), CentreResult.class)));
		return results;
	}

}
