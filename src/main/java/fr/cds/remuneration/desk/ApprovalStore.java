package fr.cds.remuneration.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The decisions on runs' payment lines (table RUN_APPROVAL). */
@Repository
public class ApprovalStore {

	private static final String COLUMNS = "RUN_ID, EXERCICE, JOB_NAME, PROPOSED_BY, DECISION, DECIDED_BY, DECIDED_AT,"
			+ " REASON, LINE_COUNT, TOTAL_EUR, TRANSFER_COUNT, TRANSFER_TOTAL_EUR, BANK_FILE";

	private final JdbcTemplate jdbc;

	public ApprovalStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a decision; a run has one decision only (primary key). */
	public void save(RunApproval approval) {
		this.jdbc.update("INSERT INTO RUN_APPROVAL (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				approval.runId(), approval.exercice(), approval.jobName(), approval.proposedBy(),
				approval.decision().name(), approval.decidedBy(), Timestamp.valueOf(approval.decidedAt()),
				approval.reason(), approval.lineCount(), approval.totalEuros().setScale(2), approval.transferCount(),
				approval.transferTotalEuros().setScale(2), approval.bankFile());
	}

	public Optional<RunApproval> of(long runId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM RUN_APPROVAL WHERE RUN_ID = ?", ApprovalStore::approval, runId)
			.stream()
			.findFirst();
	}

	/** Decisions of an exercice, by run. */
	public List<RunApproval> ofExercice(int exercice) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM RUN_APPROVAL WHERE EXERCICE = ? ORDER BY RUN_ID",
				ApprovalStore::approval, exercice);
	}

	private static RunApproval approval(ResultSet rs, int row) throws SQLException {
		return new RunApproval(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
				Decision.valueOf(rs.getString(5)), rs.getString(6), rs.getTimestamp(7).toLocalDateTime(), rs.getString(8),
				rs.getInt(9), rs.getBigDecimal(10), rs.getInt(11), rs.getBigDecimal(12), rs.getString(13));
	}

}
