package fr.cds.remuneration.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.extract.DuplicateRemoval;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.snapshot.RunStore.PatientPartition;

/**
 * What the patient extract left in the run: per-partition counts, per-centre aggregates and the
 * duplicate rows taken out ({@code RUN_PATIENT_PARTITION}, {@code RUN_PATIENT_AGGREGATE},
 * {@code RUN_PATIENT_DUPLICATE}).
 */
public class PatientExtractStore {

	private final JdbcTemplate jdbc;

	PatientExtractStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Forgets what a partition stored, before it is (re)run: a restart redoes its whole range. */
	public void clearPatientPartition(long runId, int partition) {
		this.jdbc.update("DELETE FROM RUN_PATIENT_AGGREGATE WHERE RUN_ID = ? AND PARTITION_ID = ?", runId, partition);
		this.jdbc.update("DELETE FROM RUN_PATIENT_PARTITION WHERE RUN_ID = ? AND PARTITION_ID = ?", runId, partition);
		this.jdbc.update("DELETE FROM RUN_REJECT WHERE RUN_ID = ? AND PARTITION_ID = ?", runId, partition);
	}

	public void savePatientAggregates(long runId, int partition, Map<String, PatientAggregate> aggregates) {
		List<Map.Entry<String, PatientAggregate>> entries = new ArrayList<>(aggregates.entrySet());
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_PATIENT_AGGREGATE (RUN_ID, PARTITION_ID, FINESS, ROWS_ACCEPTED, AGGREGATE_JSON) VALUES (?, ?, ?, ?, ?)",
				entries, 500, (ps, e) -> {
					ps.setLong(1, runId);
					ps.setInt(2, partition);
					ps.setString(3, e.getKey());
					ps.setLong(4, e.getValue().rows());
					ps.setString(5, SnapshotJson.write(e.getValue()));
				});
	}

	public void savePatientPartition(long runId, PatientPartition p) {
		this.jdbc.update(
				"INSERT INTO RUN_PATIENT_PARTITION (RUN_ID, PARTITION_ID, START_BYTE, END_BYTE, LINES, ROWS_READ, ROWS_ACCEPTED, ROWS_REJECTED) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				runId, p.partition(), p.startByte(), p.endByte(), p.lines(), p.rowsRead(), p.accepted(), p.rejected());
	}

	public List<PatientPartition> patientPartitions(long runId) {
		return this.jdbc.query(
				"SELECT PARTITION_ID, START_BYTE, END_BYTE, LINES, ROWS_READ, ROWS_ACCEPTED, ROWS_REJECTED FROM RUN_PATIENT_PARTITION WHERE RUN_ID = ? ORDER BY PARTITION_ID",
				(rs, i) -> new PatientPartition(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6), rs.getLong(7)),
				runId);
	}

	/**
	 * Every centre's patient aggregate, by FINESS: its partitions summed and its duplicate rows
	 * taken out, as {@link #patientAggregate} gives it for one centre (a centre with no row is absent).
	 */
	public Map<String, PatientAggregate> patientAggregates(long runId) {
		Map<String, PatientAggregate> aggregates = new HashMap<>();
		// parsed on every core, summed in the query's order
		KeyedJson.query(this.jdbc,
				"SELECT FINESS, AGGREGATE_JSON FROM RUN_PATIENT_AGGREGATE WHERE RUN_ID = ? ORDER BY FINESS, PARTITION_ID",
				PatientAggregate.class, runId)
			.forEach(p -> aggregates.merge(p.key(), p.value(), PatientAggregate::plus));
		KeyedJson.query(this.jdbc, "SELECT FINESS, AGGREGATE_JSON FROM RUN_PATIENT_DUPLICATE WHERE RUN_ID = ?",
				PatientAggregate.class, runId)
			.forEach(d -> aggregates.computeIfPresent(d.key(), (finess, sum) -> sum.minus(d.value())));
		return aggregates;
	}

	/**
	 * The centre's aggregate over every partition, without its duplicate rows (empty when no
	 * patient row named it).
	 */
	public PatientAggregate patientAggregate(long runId, String finess) {
		PatientAggregate sum = this.jdbc
			.queryForList("SELECT AGGREGATE_JSON FROM RUN_PATIENT_AGGREGATE WHERE RUN_ID = ? AND FINESS = ? ORDER BY PARTITION_ID",
					String.class, runId, finess)
			.stream()
			.map(json -> SnapshotJson.read(json, PatientAggregate.class))
			.reduce(PatientAggregate.EMPTY, PatientAggregate::plus);
		return this.jdbc
			.queryForList("SELECT AGGREGATE_JSON FROM RUN_PATIENT_DUPLICATE WHERE RUN_ID = ? AND FINESS = ?", String.class,
					runId, finess)
			.stream()
			.map(json -> SnapshotJson.read(json, PatientAggregate.class))
			.reduce(sum, PatientAggregate::minus);
	}

	/** Forgets a previous duplicate search of the run (its removals and its rejects), before it is redone. */
	public void clearPatientDuplicates(long runId) {
		this.jdbc.update("DELETE FROM RUN_PATIENT_DUPLICATE WHERE RUN_ID = ?", runId);
		this.jdbc.update("DELETE FROM RUN_REJECT WHERE RUN_ID = ? AND FILE_NAME = ? AND PARTITION_ID >= 0 AND REASON LIKE ?",
				runId, InputFile.PATIENTS.fileName(), DuplicateRemoval.REASON_PREFIX + "%");
	}

	/** Stores, by centre, what its duplicate rows had added to its aggregate. */
	public void savePatientDuplicates(long runId, Map<String, PatientAggregate> removed) {
		List<Map.Entry<String, PatientAggregate>> entries = new ArrayList<>(removed.entrySet());
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_PATIENT_DUPLICATE (RUN_ID, FINESS, ROWS_REMOVED, AGGREGATE_JSON) VALUES (?, ?, ?, ?)",
				entries, 500, (ps, e) -> {
					ps.setLong(1, runId);
					ps.setString(2, e.getKey());
					ps.setLong(3, e.getValue().rows());
					ps.setString(4, SnapshotJson.write(e.getValue()));
				});
	}

	/** By partition of the extract, the physical lines before it: added to its rows' relative lines. */
	public Map<Integer, Long> patientLineOffsets(long runId) {
		Map<Integer, Long> lineOffsets = new HashMap<>();
		long offset = 0;
		for (PatientPartition partition : patientPartitions(runId)) {
			lineOffsets.put(partition.partition(), offset);
			offset += partition.lines();
		}
		return lineOffsets;
	}

}
