package fr.cds.remuneration.ledger;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.snapshot.SnapshotJson;

/** Stores how each run settled each centre ({@code RUN_SETTLEMENT}), for its statements and files. */
@Repository
public class SettlementStore {

	private static final String COLUMNS = "FINESS, EXERCICE, STREAM, KIND, TOTAL_EUR, LEDGER_BEFORE_JSON, AMOUNT_EUR, REFERENCE";

	private final JdbcTemplate jdbc;

	public SettlementStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores (or, on a restart, replaces) how {@code runId} settled the centre. */
	public void save(long runId, Settlement settlement) {
		this.jdbc.update("DELETE FROM RUN_SETTLEMENT WHERE RUN_ID = ? AND FINESS = ? AND STREAM = ?", runId,
				settlement.finess(), settlement.stream().name());
		this.jdbc.update("INSERT INTO RUN_SETTLEMENT (RUN_ID, " + COLUMNS + ", LEDGER_BEFORE_EUR)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", runId, settlement.finess(), settlement.exercice(),
				settlement.stream().name(), settlement.kind().name(), settlement.totalEuros(),
				SnapshotJson.write(settlement.before()), settlement.amountEuros(), settlement.reference(),
				settlement.beforeEuros());
	}

	/** {@link #save} for several settlements, in two batches (the deletes, then the inserts). */
	public void saveAll(long runId, List<Settlement> settled) {
		this.jdbc.batchUpdate("DELETE FROM RUN_SETTLEMENT WHERE RUN_ID = ? AND FINESS = ? AND STREAM = ?", settled,
				settled.size(), (ps, s) -> {
					ps.setLong(1, runId);
					ps.setString(2, s.finess());
					ps.setString(3, s.stream().name());
				});
		this.jdbc.batchUpdate("INSERT INTO RUN_SETTLEMENT (RUN_ID, " + COLUMNS + ", LEDGER_BEFORE_EUR)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", settled, settled.size(), (ps, s) -> {
					ps.setLong(1, runId);
					ps.setString(2, s.finess());
					ps.setInt(3, s.exercice());
					ps.setString(4, s.stream().name());
					ps.setString(5, s.kind().name());
					ps.setBigDecimal(6, s.totalEuros());
					ps.setString(7, SnapshotJson.write(s.before()));
					ps.setBigDecimal(8, s.amountEuros());
					ps.setString(9, s.reference());
					ps.setBigDecimal(10, s.beforeEuros());
				});
	}

	/** How the run settled each stream of a centre, in stream order. */
	public Map<PaymentStream, Settlement> ofCentre(long runId, String finess) {
		Map<PaymentStream, Settlement> settled = new EnumMap<>(PaymentStream.class);
		this.jdbc.query("SELECT " + COLUMNS + " FROM RUN_SETTLEMENT WHERE RUN_ID = ? AND FINESS = ?",
				(rs, i) -> settlement(rs), runId, finess)
			.forEach(s -> settled.put(s.stream(), s));
		return settled;
	}

	/** Every settlement of the run, by centre and stream: one query for a whole statements step. */
	public Map<String, Map<PaymentStream, Settlement>> byCentre(long runId) {
		Map<String, Map<PaymentStream, Settlement>> byCentre = new HashMap<>();
		ofRun(runId).forEach(s -> byCentre.computeIfAbsent(s.finess(), f -> new EnumMap<>(PaymentStream.class))
			.put(s.stream(), s));
		return byCentre;
	}

	/** Every settlement of the run, in FINESS order. */
	public List<Settlement> ofRun(long runId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM RUN_SETTLEMENT WHERE RUN_ID = ? ORDER BY FINESS, STREAM",
				(rs, i) -> settlement(rs), runId);
	}

	private static Settlement settlement(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Settlement(rs.getString(1), rs.getInt(2), PaymentStream.valueOf(rs.getString(3)),
				PaymentKind.valueOf(rs.getString(4)), rs.getBigDecimal(5),
				Arrays.asList(SnapshotJson.read(rs.getString(6), LedgerEntry[].class)), rs.getBigDecimal(7),
				rs.getString(8));
	}

}
