package fr.cds.remuneration.desk;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * The transfers of ledger lines (table BANK_TRANSFER). (REFERENCE, ISSUE) is unique: the corrected
 * transfer of a rejected one is inserted once, a second attempt fails on the constraint.
 */
@Repository
public class BankTransferStore {

	private static final String COLUMNS = "END_TO_END_ID, REFERENCE, ISSUE, RUN_ID, EXERCICE, FINESS, STREAM, KIND,"
			+ " AMOUNT_EUR, IBAN, BIC, EXECUTION_DATE, BANK_FILE, STATUS, STATUS_REASON";

	private static final String ORDER = " ORDER BY FINESS, STREAM, REFERENCE, ISSUE";

	private final JdbcTemplate jdbc;

	public BankTransferStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(BankTransfer t) {
		this.jdbc.update("INSERT INTO BANK_TRANSFER (" + COLUMNS + ", RECORDED_AT)"
				+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.endToEndId(), t.reference(), t.issue(),
				t.runId(), t.exercice(), t.finess(), t.stream().name(), t.kind().name(), t.amountEuros().setScale(2),
				t.iban(), t.bic(), Date.valueOf(t.executionDate()), t.bankFile(), t.status().name(), t.statusReason(),
				Timestamp.valueOf(LocalDateTime.now()));
	}

	/** Moves a transfer to {@code status}; only from {@code expected}, so that two imports cannot both act. */
	public boolean changeStatus(String endToEndId, TransferStatus expected, TransferStatus status, String reason) {
		return this.jdbc.update("UPDATE BANK_TRANSFER SET STATUS = ?, STATUS_REASON = ? WHERE END_TO_END_ID = ?"
				+ " AND STATUS = ?", status.name(), reason, endToEndId, expected.name()) == 1;
	}

	public Optional<BankTransfer> byEndToEndId(String endToEndId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM BANK_TRANSFER WHERE END_TO_END_ID = ?",
				BankTransferStore::transfer, endToEndId).stream().findFirst();
	}

	public List<BankTransfer> ofExercice(int exercice) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM BANK_TRANSFER WHERE EXERCICE = ?" + ORDER,
				BankTransferStore::transfer, exercice);
	}

	public List<BankTransfer> ofRun(long runId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM BANK_TRANSFER WHERE RUN_ID = ?" + ORDER,
				BankTransferStore::transfer, runId);
	}

	/** The run's transfers waiting for a corrected account (held or rejected, not yet reissued). */
	public List<BankTransfer> awaitingCorrection(long runId) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM BANK_TRANSFER WHERE RUN_ID = ? AND STATUS IN ('HELD', 'REJECTED')"
				+ ORDER, BankTransferStore::transfer, runId);
	}

	private static BankTransfer transfer(ResultSet rs, int row) throws SQLException {
		return new BankTransfer(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getInt(5),
				rs.getString(6), PaymentStream.valueOf(rs.getString(7)), PaymentKind.valueOf(rs.getString(8)),
				rs.getBigDecimal(9), rs.getString(10), rs.getString(11), rs.getDate(12).toLocalDate(), rs.getString(13),
				TransferStatus.valueOf(rs.getString(14)), rs.getString(15));
	}

}
