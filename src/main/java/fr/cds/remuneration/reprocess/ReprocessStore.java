package fr.cds.remuneration.reprocess;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.snapshot.StoredResultEncoding;

/**
 * What a re-processing records besides results and settlements: the run itself (its base annual
 * run, rules, scope), the centres it recomputes with the run whose stored inputs each one uses, and
 * the lineage queries that find a centre's latest inputs and the result its ledger stands on.
 */
@Repository
public class ReprocessStore {

	/**
	 * A re-processing {@code R} of the exercice (its one parameter) that stored corrected inputs and
	 * completed: a dispute that did not complete did not happen (restart it to finish it).
	 */
	private static final String COMPLETED_DISPUTE = "R.EXERCICE = ? AND R.CORRECTED_INPUTS = TRUE AND EXISTS (SELECT 1"
			+ " FROM BATCH_JOB_EXECUTION E WHERE E.JOB_INSTANCE_ID = R.RUN_ID AND E.STATUS = 'COMPLETED')";

	private final JdbcTemplate jdbc;

	public ReprocessStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the run once; a restart finds it recorded and leaves it. */
	public void saveRun(long runId, ReprocessRun run) {
		this.jdbc.update("MERGE INTO REPROCESS_RUN R USING (VALUES (CAST(? AS BIGINT))) AS S (RUN_ID) ON R.RUN_ID = S.RUN_ID"
				+ " WHEN NOT MATCHED THEN INSERT (RUN_ID, EXERCICE, BASE_RUN_ID, RULESET, CENTRES, CORRECTED_INPUTS, LABEL,"
				+ " CREATED_AT) VALUES (S.RUN_ID, ?, ?, ?, ?, ?, ?, ?)", runId, run.exercice(), run.baseRunId(),
				run.ruleSet(), run.centres().isEmpty() ? null : String.join(",", run.centres()),
				run.hasCorrectedInputs(), run.label().orElse(null), Timestamp.valueOf(LocalDateTime.now()));
	}

	/** A centre to recompute and the run whose stored inputs it uses. */
	public record ScopeCentre(String finess, long inputRunId) {
	}

	/** Sets the centres the run recomputes (replacing what an interrupted attempt stored). */
	public void saveScope(long runId, List<ScopeCentre> centres) {
		this.jdbc.update("DELETE FROM REPROCESS_CENTRE WHERE RUN_ID = ?", runId);
		this.jdbc.batchUpdate("INSERT INTO REPROCESS_CENTRE (RUN_ID, FINESS, INPUT_RUN_ID) VALUES (?, ?, ?)", centres,
				500, (ps, c) -> {
					ps.setLong(1, runId);
					ps.setString(2, c.finess());
					ps.setLong(3, c.inputRunId());
				});
	}


	/**
	 * A regularised centre's new result, the previous one its ledger stood on (none: empty) and the
	 * run whose stored inputs it was recomputed from.
	 */
	public record RegularisedResults(CentreResult current, Optional<CentreResult> previous, long inputRunId) {
	}

	/**
	 * The new and previous results of a centre of the run, in one query (the statement of a
	 * regularised centre reads both: two queries a statement before), with its input run.
	 */
	public Optional<RegularisedResults> regularisedResults(long runId, String finess) {
		int previous = 1 + StoredResultEncoding.COLUMN_COUNT;
		int previousRun = previous + StoredResultEncoding.COLUMN_COUNT;
		return this.jdbc.query("SELECT " + StoredResultEncoding.columns("N") + ", " + StoredResultEncoding.columns("P")
				+ ", P.RUN_ID, C.INPUT_RUN_ID"
				+ " FROM REPROCESS_CENTRE C JOIN CENTRE_RESULT N ON N.RUN_ID = C.RUN_ID AND N.FINESS = C.FINESS"
				+ " LEFT JOIN CENTRE_RESULT P ON P.RUN_ID = C.PREVIOUS_RUN_ID AND P.FINESS = C.FINESS"
				+ " WHERE C.RUN_ID = ? AND C.FINESS = ?", (rs, i) -> {
					CentreResult current = StoredResultEncoding.read(rs, 1);
					rs.getLong(previousRun);
					Optional<CentreResult> before = rs.wasNull() ? Optional.empty()
							: Optional.of(StoredResultEncoding.read(rs, previous));
					return new RegularisedResults(current, before, rs.getLong(previousRun + 1));
				}, runId, finess).stream().findFirst();
	}

	/**
	 * The run whose stored inputs are the latest for a centre: the latest completed dispute
	 * re-processing of the exercice that stored corrected inputs for it, else the annual run (when
	 * it has the centre).
	 */
	public Optional<Long> latestInputRun(int exercice, long baseRunId, String finess) {
		Long dispute = this.jdbc.queryForObject("SELECT MAX(R.RUN_ID) FROM REPROCESS_RUN R"
				+ " JOIN RUN_CENTRE C ON C.RUN_ID = R.RUN_ID AND C.FINESS = ?"
				+ " WHERE " + COMPLETED_DISPUTE, Long.class, finess, exercice);
		if (dispute != null) {
			return Optional.of(dispute);
		}
		return hasCentre(baseRunId, finess) ? Optional.of(baseRunId) : Optional.empty();
	}

	/**
	 * {@link #latestInputRun} for every centre of the exercice at once, by FINESS: the annual run's
	 * centres, each replaced by the latest completed dispute that stored corrected inputs for it, and
	 * the centres such a dispute added. Two queries, whatever the number of centres.
	 */
	public java.util.Map<String, Long> latestInputRuns(int exercice, long baseRunId) {
		java.util.Map<String, Long> runs = new java.util.TreeMap<>();
		this.jdbc.query("SELECT FINESS FROM RUN_CENTRE WHERE RUN_ID = ?", rs -> {
			runs.put(rs.getString(1), baseRunId);
		}, baseRunId);
		this.jdbc.query("SELECT C.FINESS, MAX(R.RUN_ID) FROM REPROCESS_RUN R JOIN RUN_CENTRE C ON C.RUN_ID = R.RUN_ID"
				+ " WHERE " + COMPLETED_DISPUTE + " GROUP BY C.FINESS", rs -> {
					runs.put(rs.getString(1), rs.getLong(2));
				}, exercice);
		return runs;
	}


	/**
	 * By FINESS, the run whose result each centre's ledger stands on: the latest run other than the
	 * current one that recorded an amount for the centre in any payment stream (its balance or a
	 * regularisation); a centre absent stands on the annual run. Any stream: a re-processing that
	 * changed only the médecin-traitant forfait still holds the centre's latest result for every
	 * stream. One query, whatever the number of centres.
	 */
	public java.util.Map<String, Long> ledgerBasisRuns(int exercice, long currentRunId) {
		java.util.Map<String, Long> runs = new java.util.HashMap<>();
		this.jdbc.query("SELECT FINESS, MAX(RUN_ID) FROM PAYMENT_LEDGER WHERE EXERCICE = ? AND KIND IN ('SOLDE',"
				+ " 'REGULARISATION') AND RUN_ID IS NOT NULL AND RUN_ID <> ? GROUP BY FINESS", rs -> {
					runs.put(rs.getString(1), rs.getLong(2));
				}, exercice, currentRunId);
		return runs;
	}

	/** Records, for a chunk of centres, the run of the result each one's ledger stood on (none: null). */
	public void savePreviousRuns(long runId, java.util.Map<String, Long> previousRunByCentre) {
		this.jdbc.batchUpdate("UPDATE REPROCESS_CENTRE SET PREVIOUS_RUN_ID = ? WHERE RUN_ID = ? AND FINESS = ?",
				List.copyOf(previousRunByCentre.entrySet()), 500, (ps, e) -> {
					if (e.getValue() == null) {
						ps.setNull(1, java.sql.Types.BIGINT);
					}
					else {
						ps.setLong(1, e.getValue());
					}
					ps.setLong(2, runId);
					ps.setString(3, e.getKey());
				});
	}

	/** The rule sets of the previous results of the run's centres, sorted. */
	public List<String> previousRuleSets(long runId) {
		return this.jdbc.queryForList("SELECT DISTINCT R.RULESET FROM CENTRE_RESULT R JOIN REPROCESS_CENTRE C"
				+ " ON R.RUN_ID = C.PREVIOUS_RUN_ID AND R.FINESS = C.FINESS WHERE C.RUN_ID = ? ORDER BY R.RULESET",
				String.class, runId);
	}

	/** The centres the run held (en attente), whose stored inputs there are incomplete: {@link #isHeld} for all. */
	public java.util.Set<String> heldCentres(long runId) {
		return new java.util.HashSet<>(
				this.jdbc.queryForList("SELECT FINESS FROM RUN_HELD_CENTRE WHERE RUN_ID = ?", String.class, runId));
	}

	/** Whether the run held the centre (en attente): its stored inputs there are incomplete. */
	public boolean isHeld(long runId, String finess) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_HELD_CENTRE WHERE RUN_ID = ? AND FINESS = ?",
				Integer.class, runId, finess) > 0;
	}

	public boolean hasCentre(long runId, String finess) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_CENTRE WHERE RUN_ID = ? AND FINESS = ?", Integer.class,
				runId, finess) > 0;
	}

	/**
	 * Every centre of the exercice, in FINESS order: those of the annual run and those an earlier
	 * completed dispute added.
	 */
	public List<String> knownCentres(int exercice, long baseRunId) {
		return this.jdbc.queryForList("SELECT FINESS FROM RUN_CENTRE WHERE RUN_ID = ? UNION SELECT C.FINESS FROM RUN_CENTRE C"
				+ " JOIN REPROCESS_RUN R ON R.RUN_ID = C.RUN_ID WHERE " + COMPLETED_DISPUTE + " ORDER BY 1", String.class,
				baseRunId, exercice);
	}

	/** Every centre of a run's stored inputs, in FINESS order. */
	public List<String> centres(long runId) {
		return this.jdbc.queryForList("SELECT FINESS FROM RUN_CENTRE WHERE RUN_ID = ? ORDER BY FINESS", String.class,
				runId);
	}

}
