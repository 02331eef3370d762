package fr.cds.remuneration.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.snapshot.RunStore.FileCounts;

/**
 * What reconciles a run's inputs: every rejected row with its reasons, and each file's counts
 * ({@code RUN_REJECT}, {@code RUN_FILE}).
 */
public class RejectStore {

	private final JdbcTemplate jdbc;

	private final PatientExtractStore patientExtract;

	RejectStore(JdbcTemplate jdbc, PatientExtractStore patientExtract) {
		this.jdbc = jdbc;
		this.patientExtract = patientExtract;
	}

	/** Stores rejects; several problems of one row share its line and get successive sequence numbers. */
	public void saveRejects(long runId, int partition, List<Reject> rejects) {
		Map<String, Integer> sequence = new HashMap<>();
		List<Object[]> rows = new ArrayList<>();
		for (Reject reject : rejects) {
			int seq = sequence.merge(reject.file() + ":" + reject.line(), 1, Integer::sum);
			rows.add(new Object[] { runId, reject.file(), partition, reject.line(), seq, reject.finess(), reject.field(),
					reject.value(), reject.reason() });
		}
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_REJECT (RUN_ID, FILE_NAME, PARTITION_ID, LINE_NUMBER, SEQ, FINESS, FIELD, FIELD_VALUE, REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows);
	}

	/**
	 * Every reject of the run, with absolute line numbers, in file and line order, streamed from the
	 * database: a run may reject millions of rows. Close the stream.
	 */
	public Stream<Reject> rejects(long runId) {
		Map<Integer, Long> lineOffsets = this.patientExtract.patientLineOffsets(runId);
		return this.jdbc.queryForStream(connection -> {
			var statement = connection.prepareStatement(
					"SELECT FILE_NAME, PARTITION_ID, LINE_NUMBER, FINESS, FIELD, FIELD_VALUE, REASON FROM RUN_REJECT WHERE RUN_ID = ? ORDER BY FILE_NAME, PARTITION_ID, LINE_NUMBER, SEQ");
			statement.setFetchSize(1000);
			statement.setLong(1, runId);
			return statement;
		}, (rs, i) -> new Reject(rs.getString(1), rs.getLong(3) + lineOffsets.getOrDefault(rs.getInt(2), 0L),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
	}

	/** Problems recorded for the run's rejected rows (a row may have several). */
	public long rejectProblems(long runId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_REJECT WHERE RUN_ID = ?", Long.class, runId);
	}

	/** Rejected rows (not problems) per centre, over every file. */
	public Map<String, Long> rejectedRowsByCentre(long runId) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.query(
				"SELECT FINESS, COUNT(*) FROM RUN_REJECT WHERE RUN_ID = ? AND FINESS IS NOT NULL AND SEQ = 1 GROUP BY FINESS",
				rs -> {
					counts.put(rs.getString(1), rs.getLong(2));
				}, runId);
		return counts;
	}

	/** Rejected rows (not problems) of one centre, over every file of the run. */
	public long rejectedRowsOfCentre(long runId, String finess) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_REJECT WHERE RUN_ID = ? AND FINESS = ? AND SEQ = 1",
				Long.class, runId, finess);
	}

	public long rejectedRows(long runId, String file) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_REJECT WHERE RUN_ID = ? AND FILE_NAME = ? AND SEQ = 1",
				Long.class, runId, file);
	}

	public void saveFileCounts(long runId, FileCounts counts) {
		this.jdbc.update("DELETE FROM RUN_FILE WHERE RUN_ID = ? AND FILE_NAME = ?", runId, counts.file());
		this.jdbc.update(
				"INSERT INTO RUN_FILE (RUN_ID, FILE_NAME, SHA256, SIZE_BYTES, ROWS_READ, ROWS_ACCEPTED, ROWS_REJECTED) VALUES (?, ?, ?, ?, ?, ?, ?)",
				runId, counts.file(), counts.sha256(), counts.sizeBytes(), counts.read(), counts.accepted(),
				counts.rejected());
	}

	public List<FileCounts> fileCounts(long runId) {
		return this.jdbc.query(
				"SELECT FILE_NAME, SHA256, SIZE_BYTES, ROWS_READ, ROWS_ACCEPTED, ROWS_REJECTED FROM RUN_FILE WHERE RUN_ID = ? ORDER BY FILE_NAME",
				(rs, i) -> new FileCounts(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6)),
				runId);
	}

}
