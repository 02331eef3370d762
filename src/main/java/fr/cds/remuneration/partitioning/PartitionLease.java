package fr.cds.remuneration.partitioning;

import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The lease of a partition being read by a worker ({@code PARTITION_LEASE}): who reads it, and a
 * heartbeat counter that the reader moves while it reads. Every call is a short transaction of
 * its own, so that a lease never keeps a connection idle in a transaction.
 * <p>
 * Liveness is judged by movement, not by time: another worker that finds the counter unchanged
 * over several heartbeat intervals knows the reader is gone, whatever the hosts' clocks say.
 */
class PartitionLease {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	PartitionLease(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** Takes the partition's lease for {@code process}, replacing the lease of a reader that is gone. */
	void take(long stepExecutionId, String process) {
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.update("DELETE FROM PARTITION_LEASE WHERE STEP_EXECUTION_ID = ?", stepExecutionId);
			this.jdbc.update("INSERT INTO PARTITION_LEASE (STEP_EXECUTION_ID, PROCESS, BEATS) VALUES (?, ?, 0)",
					stepExecutionId, process);
		});
	}

	/** One heartbeat; false when the lease now belongs to another process (it was taken over). */
	boolean beat(long stepExecutionId, String process) {
		return this.jdbc.update(
				"UPDATE PARTITION_LEASE SET BEATS = BEATS + 1 WHERE STEP_EXECUTION_ID = ? AND PROCESS = ?",
				stepExecutionId, process) == 1;
	}

	/** The partition's holder and heartbeat count, if anyone holds it. */
	Optional<Holder> holder(long stepExecutionId) {
		List<Holder> holders = this.jdbc.query(
				"SELECT PROCESS, BEATS FROM PARTITION_LEASE WHERE STEP_EXECUTION_ID = ?",
				(row, n) -> new Holder(row.getString(1), row.getLong(2)), stepExecutionId);
		return holders.stream().findFirst();
	}

	/** Gives the lease up once the partition has ended (kept if another process took it over). */
	void release(long stepExecutionId, String process) {
		this.jdbc.update("DELETE FROM PARTITION_LEASE WHERE STEP_EXECUTION_ID = ? AND PROCESS = ?", stepExecutionId,
				process);
	}

	record Holder(String process, long beats) {
	}

}
