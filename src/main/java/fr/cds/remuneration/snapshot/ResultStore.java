package fr.cds.remuneration.snapshot;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.engine.StreamResult;
import fr.cds.remuneration.snapshot.RunStore.StoredResult;

/**
 * The run's results: each centre's explained result and its totals by stream
 * ({@code CENTRE_RESULT}, {@code CENTRE_STREAM_RESULT}), and the latest completed run's.
 */
public class ResultStore {

	private final JdbcTemplate jdbc;

	ResultStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void saveResults(long runId, List<CentreResult> results) {
		saveStoredResults(runId, results.stream().map(StoredResult::of).toList());
	}

	public void saveStoredResults(long runId, List<StoredResult> stored) {
		this.jdbc.batchUpdate(
				"INSERT INTO CENTRE_RESULT (RUN_ID, FINESS, EXERCICE, RULESET, CENTRE_TYPE, REGION_CODE, SOCLE_MET, TOTAL_EUR, RESULT_BIN, SOCLE_FAILED) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				stored, stored.size(), (ps, s) -> {
					CentreResult r = s.result();
					ps.setLong(1, runId);
					ps.setString(2, r.centre().finess());
					ps.setInt(3, r.exercice());
					ps.setString(4, r.ruleSet().reference());
					ps.setString(5, r.centre().type());
					ps.setString(6, r.centre().regionCode());
					ps.setBoolean(7, r.socle().met());
					ps.setBigDecimal(8, r.totalEuros());
					ps.setBytes(9, s.encoded());
					ps.setString(10, SnapshotJson.write(r.socle().failed()));
				});
		List<Object[]> streams = new ArrayList<>();
		for (StoredResult s : stored) {
			CentreResult result = s.result();
			// the forfait's total has its own column (TOTAL_EUR); the other streams computed, one row each
			result.streams().stream().filter(StreamResult::computed).forEach(stream -> streams
				.add(new Object[] { runId, result.centre().finess(), stream.stream().name(), stream.totalEuros() }));
		}
		this.jdbc.batchUpdate("INSERT INTO CENTRE_STREAM_RESULT (RUN_ID, FINESS, STREAM, TOTAL_EUR) VALUES (?, ?, ?, ?)",
				streams);
		PeerFiguresStore.save(this.jdbc, runId, stored);
	}

	/** The totals of every result of the run, each stream's included, in FINESS order. */
	public List<ResultSummary> resultSummaries(long runId) {
		Map<String, Map<PaymentStream, BigDecimal>> streams = new HashMap<>();
		this.jdbc.query("SELECT FINESS, STREAM, TOTAL_EUR FROM CENTRE_STREAM_RESULT WHERE RUN_ID = ?", rs -> {
			streams.computeIfAbsent(rs.getString(1), f -> new EnumMap<>(PaymentStream.class))
				.put(PaymentStream.valueOf(rs.getString(2)), rs.getBigDecimal(3));
		}, runId);
		return this.jdbc.query(
				"SELECT FINESS, EXERCICE, RULESET, CENTRE_TYPE, REGION_CODE, SOCLE_MET, TOTAL_EUR FROM CENTRE_RESULT WHERE RUN_ID = ? ORDER BY FINESS",
				(rs, i) -> new ResultSummary(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getBoolean(6), rs.getBigDecimal(7),
						streams.getOrDefault(rs.getString(1), Map.of())),
				runId);
	}

	/**
	 * The result of {@code finess} for {@code exercice} computed by the latest run that completed
	 * (the stored explanation of what the centre was paid), or empty.
	 */
	public java.util.Optional<CentreResult> latestCompletedResult(int exercice, String finess) {
		return this.jdbc.query(
				"SELECT " + StoredResultEncoding.COLUMNS + " FROM CENTRE_RESULT r WHERE r.EXERCICE = ? AND r.FINESS = ? AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID = r.RUN_ID AND e.STATUS = 'COMPLETED') ORDER BY r.RUN_ID DESC",
				(rs, i) -> StoredResultEncoding.read(rs, 1), exercice, finess)
			.stream()
			.findFirst();
	}

	/**
	 * How many centres of the run failed each socle indicator, from the codes stored beside each
	 * result ({@code SOCLE_FAILED}); a result stored before that column is decoded instead.
	 * <p>
	 * The centres that missed the socle are found in the summary's covering index first: a query
	 * that tests {@code SOCLE_MET} on the table reads every result's row, packed result included
	 * (3,000 on the national run); then only the rows of those centres (320), by key.
	 */
	public Map<String, Long> socleFailures(long runId) {
		Map<String, Long> failures = new java.util.TreeMap<>();
		List<String> missed = this.jdbc.queryForList(
				"SELECT FINESS FROM CENTRE_RESULT WHERE RUN_ID = ? AND SOCLE_MET = FALSE ORDER BY FINESS", String.class,
				runId);
		List<String> storedBefore = new ArrayList<>();
		// one statement, by key: H2 would not look an IN list of FINESS up in the key, and would read every row
		this.jdbc.execute("SELECT SOCLE_FAILED FROM CENTRE_RESULT WHERE RUN_ID = ? AND FINESS = ?",
				(PreparedStatementCallback<Void>) ps -> {
					for (String finess : missed) {
						ps.setLong(1, runId);
						ps.setString(2, finess);
						try (ResultSet rs = ps.executeQuery()) {
							String failed = rs.next() ? rs.getString(1) : null;
							if (failed == null) {
								storedBefore.add(finess);
								continue;
							}
							for (String code : SnapshotJson.read(failed, String[].class)) {
								failures.merge(code, 1L, Long::sum);
							}
						}
					}
					return null;
				});
		for (String finess : storedBefore) {
			result(runId, finess).orElseThrow()
				.socle()
				.failed()
				.forEach(code -> failures.merge(code, 1L, Long::sum));
		}
		return failures;
	}

	/** The latest run of {@code jobName} for {@code exercice} that completed, if any. */
	public java.util.Optional<Long> latestCompletedRun(String jobName, int exercice) {
		return this.jdbc.queryForList(
				"SELECT i.JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE i JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED' AND p.PARAMETER_NAME = 'exercice' AND p.PARAMETER_VALUE = ? ORDER BY i.JOB_INSTANCE_ID DESC",
				Long.class, jobName, String.valueOf(exercice))
			.stream()
			.findFirst();
	}

	/** The result of {@code finess} in run {@code runId}, or empty. */
	public java.util.Optional<CentreResult> result(long runId, String finess) {
		return this.jdbc.query("SELECT " + StoredResultEncoding.COLUMNS + " FROM CENTRE_RESULT WHERE RUN_ID = ? AND FINESS = ?",
				(rs, i) -> StoredResultEncoding.read(rs, 1), runId, finess)
			.stream()
			.findFirst();
	}

	/** Every result of the run as stored, not yet decoded, in FINESS order (the statements' cursor). */
	public static final String STORED_RESULTS_OF_RUN = "SELECT " + StoredResultEncoding.COLUMNS
			+ " FROM CENTRE_RESULT WHERE RUN_ID = ? ORDER BY FINESS";

	/** The centres the run stored a result for (their results are not read). */
	public java.util.Set<String> centresWithResult(long runId) {
		return new java.util.HashSet<>(
				this.jdbc.queryForList("SELECT FINESS FROM CENTRE_RESULT WHERE RUN_ID = ?", String.class, runId));
	}

	/** Every result of the run, in FINESS order. */
	public List<CentreResult> results(long runId) {
		return this.jdbc.query(STORED_RESULTS_OF_RUN, (rs, i) -> StoredResultEncoding.read(rs, 1), runId);
	}

}
