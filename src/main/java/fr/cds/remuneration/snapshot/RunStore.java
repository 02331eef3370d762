package fr.cds.remuneration.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.extract.DuplicateRemoval;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.input.DeclarationAnswer;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.engine.StreamResult;

/**
 * What a run stores in the database: the inputs it accepted (centres, declarations, patient
 * aggregates), the rejects, the file counts and the results. Together they are the run's frozen
 * snapshot: a re-processing reads them, never the raw files again.
 */
@Repository
public class RunStore {

	/** Partition id of the rejects of files that are not partitioned. */
	public static final int WHOLE_FILE = -1;

	private final JdbcTemplate jdbc;

	public RunStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	// ---------------------------------------------------------------------------- centres

	/** A centre with the line it was read at. */
	public record Located<T>(T value, long line) {
	}

	public void saveCentres(long runId, List<Located<Centre>> centres) {
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_CENTRE (RUN_ID, FINESS, CENTRE_TYPE, REGION_CODE, SOURCE_LINE, CENTRE_JSON) VALUES (?, ?, ?, ?, ?, ?)",
				centres, centres.size(), (ps, c) -> {
					ps.setLong(1, runId);
					ps.setString(2, c.value().finess().value());
					ps.setString(3, c.value().type().code());
					ps.setString(4, c.value().region().code());
					ps.setLong(5, c.line());
					ps.setString(6, SnapshotJson.write(c.value()));
				});
	}

	public Map<String, CentreType> centreTypes(long runId) {
		Map<String, CentreType> types = new HashMap<>();
		this.jdbc.query("SELECT FINESS, CENTRE_TYPE FROM RUN_CENTRE WHERE RUN_ID = ?",
				rs -> {
					types.put(rs.getString(1), CentreType.fromCode(rs.getString(2)).orElseThrow());
				}, runId);
		return types;
	}

	/** What the run stored about all its centres, read at once for a whole computation. */
	public RunInputs inputs(long runId, LocalDate extractionDate) {
		return new RunInputs(centres(runId), declarations(runId), patientAggregates(runId), rejectedRowsByCentre(runId),
				contracts(runId), extractionDate);
	}

	/** Every accepted centre of the run, by FINESS. */
	public Map<String, Centre> centres(long runId) {
		Map<String, Centre> centres = new HashMap<>();
		this.jdbc.query("SELECT FINESS, CENTRE_JSON FROM RUN_CENTRE WHERE RUN_ID = ?", rs -> {
			centres.put(rs.getString(1), SnapshotJson.read(rs.getString(2), Centre.class));
		}, runId);
		return centres;
	}

	public Centre centre(long runId, String finess) {
		return SnapshotJson.read(this.jdbc.queryForObject(
				"SELECT CENTRE_JSON FROM RUN_CENTRE WHERE RUN_ID = ? AND FINESS = ?", String.class, runId, finess),
				Centre.class);
	}

	// ----------------------------------------------------------------------- declarations

	public void saveDeclarations(long runId, List<Located<DeclarationAnswer>> answers) {
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_DECLARATION (RUN_ID, FINESS, INDICATOR, ANSWER, SOURCE_LINE) VALUES (?, ?, ?, ?, ?)",
				answers, answers.size(), (ps, a) -> {
					ps.setLong(1, runId);
					ps.setString(2, a.value().finess().value());
					ps.setString(3, a.value().indicator());
					ps.setString(4, a.value().value());
					ps.setLong(5, a.line());
				});
	}

	public Set<String> declarationKeys(long runId) {
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT FINESS || '|' || INDICATOR FROM RUN_DECLARATION WHERE RUN_ID = ?", String.class, runId));
	}

	/** Every centre's accepted declaration answers, by FINESS (a centre with none is absent). */
	public Map<String, Declaration> declarations(long runId) {
		Map<String, Map<String, String>> answers = new HashMap<>();
		this.jdbc.query("SELECT FINESS, INDICATOR, ANSWER FROM RUN_DECLARATION WHERE RUN_ID = ?", rs -> {
			answers.computeIfAbsent(rs.getString(1), f -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
		}, runId);
		Map<String, Declaration> declarations = new HashMap<>();
		answers.forEach((finess, map) -> declarations.put(finess, new Declaration(new Finess(finess), map)));
		return declarations;
	}

	public Declaration declaration(long runId, String finess) {
		Map<String, String> answers = new HashMap<>();
		this.jdbc.query("SELECT INDICATOR, ANSWER FROM RUN_DECLARATION WHERE RUN_ID = ? AND FINESS = ?",
				rs -> {
					answers.put(rs.getString(1), rs.getString(2));
				}, runId, finess);
		return new Declaration(new Finess(finess), answers);
	}

	// -------------------------------------------------------------------------- contracts

	public void saveContracts(long runId, List<Located<Contract>> contracts) {
		this.jdbc.batchUpdate(
				"INSERT INTO RUN_CONTRACT (RUN_ID, FINESS, CONTRACT_NUMBER, SOURCE_LINE, CONTRACT_JSON) VALUES (?, ?, ?, ?, ?)",
				contracts, contracts.size(), (ps, c) -> {
					ps.setLong(1, runId);
					ps.setString(2, c.value().finess().value());
					ps.setString(3, c.value().number());
					ps.setLong(4, c.line());
					ps.setString(5, SnapshotJson.write(c.value()));
				});
	}

	/** {@code finess|number} of the contracts accepted so far: a restart still refuses duplicates. */
	public Set<String> contractKeys(long runId) {
		return new HashSet<>(this.jdbc.queryForList(
				"SELECT FINESS || '|' || CONTRACT_NUMBER FROM RUN_CONTRACT WHERE RUN_ID = ?", String.class, runId));
	}

	/** Every centre's accepted contracts, by FINESS, each centre's in the order of contracts.csv. */
	public Map<String, List<Contract>> contracts(long runId) {
		Map<String, List<Contract>> contracts = new HashMap<>();
		this.jdbc.query("SELECT FINESS, CONTRACT_JSON FROM RUN_CONTRACT WHERE RUN_ID = ? ORDER BY SOURCE_LINE", rs -> {
			contracts.computeIfAbsent(rs.getString(1), f -> new ArrayList<>())
				.add(SnapshotJson.read(rs.getString(2), Contract.class));
		}, runId);
		return contracts;
	}

	/** A centre's contracts, in the order of contracts.csv. */
	public List<Contract> contracts(long runId, String finess) {
		return this.jdbc.query(
				"SELECT CONTRACT_JSON FROM RUN_CONTRACT WHERE RUN_ID = ? AND FINESS = ? ORDER BY SOURCE_LINE",
				(rs, i) -> SnapshotJson.read(rs.getString(1), Contract.class), runId, finess);
	}

	// -------------------------------------------------------------------- patient extract

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

	/** Line and row counts of one partition of the extract. */
	public record PatientPartition(int partition, long startByte, long endByte, long lines, long rowsRead,
			long accepted, long rejected) {
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
		this.jdbc.query("SELECT FINESS, AGGREGATE_JSON FROM RUN_PATIENT_AGGREGATE WHERE RUN_ID = ? ORDER BY FINESS, PARTITION_ID",
				rs -> {
					aggregates.merge(rs.getString(1), SnapshotJson.read(rs.getString(2), PatientAggregate.class),
							PatientAggregate::plus);
				}, runId);
		this.jdbc.query("SELECT FINESS, AGGREGATE_JSON FROM RUN_PATIENT_DUPLICATE WHERE RUN_ID = ?", rs -> {
			PatientAggregate removed = SnapshotJson.read(rs.getString(2), PatientAggregate.class);
			aggregates.computeIfPresent(rs.getString(1), (finess, sum) -> sum.minus(removed));
		}, runId);
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

	// ---------------------------------------------------------------------------- rejects

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
		Map<Integer, Long> lineOffsets = patientLineOffsets(runId);
		return this.jdbc.queryForStream(connection -> {
			var statement = connection.prepareStatement(
					"SELECT FILE_NAME, PARTITION_ID, LINE_NUMBER, FINESS, FIELD, FIELD_VALUE, REASON FROM RUN_REJECT WHERE RUN_ID = ? ORDER BY FILE_NAME, PARTITION_ID, LINE_NUMBER, SEQ");
			statement.setFetchSize(1000);
			statement.setLong(1, runId);
			return statement;
		}, (rs, i) -> new Reject(rs.getString(1), rs.getLong(3) + lineOffsets.getOrDefault(rs.getInt(2), 0L),
				rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
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

	/** Problems recorded for the run's rejected rows (a row may have several). */
	public long rejectProblems(long runId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_REJECT WHERE RUN_ID = ?", Long.class, runId);
	}

	// ---------------------------------------------------------------------- held centres

	/** Longest reason stored (the column's size); a longer one is cut with an ellipsis. */
	private static final int MAX_HOLD_REASON = 1000;

	/** Records the run's held centres, replacing what an interrupted execution recorded. */
	public void saveHolds(long runId, Map<String, List<String>> reasonsByCentre) {
		this.jdbc.update("DELETE FROM RUN_HELD_CENTRE WHERE RUN_ID = ?", runId);
		List<Object[]> rows = new ArrayList<>();
		reasonsByCentre.forEach((finess, reasons) -> {
			for (int i = 0; i < reasons.size(); i++) {
				String reason = reasons.get(i);
				rows.add(new Object[] { runId, finess, i + 1,
						reason.length() > MAX_HOLD_REASON ? reason.substring(0, MAX_HOLD_REASON - 1) + "…" : reason });
			}
		});
		this.jdbc.batchUpdate("INSERT INTO RUN_HELD_CENTRE (RUN_ID, FINESS, SEQ, REASON) VALUES (?, ?, ?, ?)", rows);
	}

	/** The run's held centres with their reasons, by FINESS in order. */
	public Map<String, List<String>> heldCentres(long runId) {
		Map<String, List<String>> held = new java.util.TreeMap<>();
		this.jdbc.query("SELECT FINESS, REASON FROM RUN_HELD_CENTRE WHERE RUN_ID = ? ORDER BY FINESS, SEQ", rs -> {
			held.computeIfAbsent(rs.getString(1), f -> new ArrayList<>()).add(rs.getString(2));
		}, runId);
		return held;
	}

	public boolean isHeld(long runId, String finess) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM RUN_HELD_CENTRE WHERE RUN_ID = ? AND FINESS = ?",
				Integer.class, runId, finess) > 0;
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

	// ------------------------------------------------------------------------------ files

	/** Row counts of an input file: read = accepted + rejected. */
	public record FileCounts(String file, String sha256, long sizeBytes, long read, long accepted, long rejected) {
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

	public long count(String table, long runId) {
		return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE RUN_ID = ?", Long.class, runId);
	}

	// ---------------------------------------------------------------------------- results

	public void saveResults(long runId, List<CentreResult> results) {
		saveStoredResults(runId, results.stream().map(StoredResult::of).toList());
	}

	/** A result with its JSON already written (by the thread that computed it). */
	public record StoredResult(CentreResult result, String json) {

		public static StoredResult of(CentreResult result) {
			return new StoredResult(result, SnapshotJson.write(result));
		}

	}

	public void saveStoredResults(long runId, List<StoredResult> stored) {
		this.jdbc.batchUpdate(
				"INSERT INTO CENTRE_RESULT (RUN_ID, FINESS, EXERCICE, RULESET, CENTRE_TYPE, REGION_CODE, SOCLE_MET, TOTAL_EUR, RESULT_JSON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
					ps.setString(9, s.json());
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
				"SELECT r.RESULT_JSON FROM CENTRE_RESULT r WHERE r.EXERCICE = ? AND r.FINESS = ? AND EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID = r.RUN_ID AND e.STATUS = 'COMPLETED') ORDER BY r.RUN_ID DESC",
				(rs, i) -> SnapshotJson.read(rs.getString(1), CentreResult.class), exercice, finess)
			.stream()
			.findFirst();
	}

	/** How many centres of the run failed each socle indicator. */
	public Map<String, Long> socleFailures(long runId) {
		Map<String, Long> failures = new java.util.TreeMap<>();
		this.jdbc.query("SELECT RESULT_JSON FROM CENTRE_RESULT WHERE RUN_ID = ? AND SOCLE_MET = FALSE ORDER BY FINESS",
				rs -> {
					SnapshotJson.read(rs.getString(1), CentreResult.class)
						.socle()
						.failed()
						.forEach(code -> failures.merge(code, 1L, Long::sum));
				}, runId);
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
		return this.jdbc.query("SELECT RESULT_JSON FROM CENTRE_RESULT WHERE RUN_ID = ? AND FINESS = ?",
				(rs, i) -> SnapshotJson.read(rs.getString(1), CentreResult.class), runId, finess)
			.stream()
			.findFirst();
	}

	/** Every result of the run, in FINESS order. */
	public List<CentreResult> results(long runId) {
		return this.jdbc.query("SELECT RESULT_JSON FROM CENTRE_RESULT WHERE RUN_ID = ? ORDER BY FINESS",
				(rs, i) -> SnapshotJson.read(rs.getString(1), CentreResult.class), runId);
	}

}
