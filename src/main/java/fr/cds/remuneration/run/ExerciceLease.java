package fr.cds.remuneration.run;

import java.net.InetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The lease of an exercice ({@code EXERCICE_LEASE}): which process works on it (operator, host,
 * pid), since when, and its last heartbeat. Every call is one short statement of its own, so the
 * lease lives in the database, not in a connection: a database restart or a session killed for
 * idling leaves it in place, and a heartbeat renews it on whatever connection the pool gives.
 * <p>
 * A lease whose expiry has passed (its holder stopped beating: killed, host gone) may be taken
 * over by another launch. The fencing token grows at every take: {@link #fence} renews the lease
 * under the caller's token inside the caller's transaction, which fails once another process took
 * it over, and otherwise keeps the row locked until that transaction commits, so nobody takes the
 * lease over between the check and the payments it guards.
 * <p>
 * Expiry times are written with the holder's clock and compared with the taker's: hosts sharing an
 * installation must keep their clocks within a small part of the lease's lifetime (NTP).
 */
@Component
public class ExerciceLease {

	private static final Log logger = LogFactory.getLog(ExerciceLease.class);

	private static final String COLUMNS = "TOKEN, HOLDER_ID, OPERATOR, HOST, PID, TAKEN_AT, HEARTBEAT_AT, EXPIRES_AT";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final LeaseSettings settings;

	/** The leases this process holds (or held until it lost them), by exercice. */
	private final Map<Integer, Lease> ofThisProcess = new ConcurrentHashMap<>();

	/**
	 * The exercices whose lease row a transaction of this process keeps locked after {@link #fence}
	 * (how many such transactions are open): the heartbeat must not wait on our own lock.
	 */
	private final Map<Integer, Integer> fencedTransactions = new ConcurrentHashMap<>();

	@Autowired
	public ExerciceLease(DataSource dataSource, ObjectProvider<Clock> clock, LeaseSettings settings) {
		this(dataSource, clock.getIfAvailable(Clock::systemDefaultZone), settings);
	}

	public ExerciceLease(DataSource dataSource, Clock clock, LeaseSettings settings) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.clock = clock;
		this.settings = settings;
	}

	/** A lease held by this process; {@code tookOver} is the holder it replaced, if it had expired. */
	public record Lease(int exercice, long token, String holderId, Optional<Holder> tookOver) {
	}

	/** Who holds (or last held) an exercice's lease, as recorded. */
	public record Holder(long token, String holderId, String operator, String host, long pid, Instant takenAt,
			Instant heartbeatAt, Instant expiresAt) {

		public boolean expiredAt(Instant now) {
			return this.expiresAt == null || !this.expiresAt.isAfter(now);
		}

	}

	/** The result of a take: the lease, or the live holder that keeps it. */
	public record Taken(Optional<Lease> lease, Optional<Holder> holder) {
	}

	/** Takes the exercice's lease if nobody holds it or its holder's lease has expired. */
	public Taken take(int exercice) {
		ensureRow(exercice);
		Instant now = this.clock.instant();
		Holder current = holder(exercice).orElseThrow();
		boolean gone = current.holderId() != null && processGone(current);
		if (current.holderId() != null && !current.expiredAt(now) && !gone) {
			return new Taken(Optional.empty(), Optional.of(current));
		}
		String holderId = UUID.randomUUID().toString();
		int taken = this.jdbc.update("UPDATE EXERCICE_LEASE SET TOKEN = ?, HOLDER_ID = ?, OPERATOR = ?, HOST = ?, PID = ?,"
				+ " TAKEN_AT = ?, HEARTBEAT_AT = ?, EXPIRES_AT = ? WHERE EXERCICE = ? AND TOKEN = ?"
				+ " AND (HOLDER_ID IS NULL OR EXPIRES_AT <= ? OR HOLDER_ID = ?)", current.token() + 1, holderId,
				RunOperator.current(), host(), ProcessHandle.current().pid(), Timestamp.from(now), Timestamp.from(now),
				Timestamp.from(now.plus(this.settings.ttl())), exercice, current.token(), Timestamp.from(now),
				gone ? current.holderId() : "");
		if (taken != 1) {
			// another launch took it between our read and our update
			return new Taken(Optional.empty(), holder(exercice));
		}
		Optional<Holder> replaced = current.holderId() == null ? Optional.empty() : Optional.of(current);
		Lease lease = new Lease(exercice, current.token() + 1, holderId, replaced);
		this.ofThisProcess.put(exercice, lease);
		return new Taken(Optional.of(lease), Optional.empty());
	}

	/**
	 * A holder on this very host whose process no longer exists (killed, crashed): its lease need not
	 * be waited for. A pid reused by another process looks alive, which only makes us wait for the
	 * expiry; a holder on another host is judged by its expiry alone.
	 */
	private static boolean processGone(Holder holder) {
		return host().equals(holder.host()) && holder.pid() != ProcessHandle.current().pid()
				&& !ProcessHandle.of(holder.pid()).map(ProcessHandle::isAlive).orElse(false);
	}

	/** One heartbeat, in a transaction of its own; false when the lease was taken over. */
	public boolean beat(Lease lease) {
		Instant now = this.clock.instant();
		return this.jdbc.update("UPDATE EXERCICE_LEASE SET HEARTBEAT_AT = ?, EXPIRES_AT = ? WHERE EXERCICE = ?"
				+ " AND TOKEN = ? AND HOLDER_ID = ?", Timestamp.from(now), Timestamp.from(now.plus(this.settings.ttl())),
				lease.exercice(), lease.token(), lease.holderId()) == 1;
	}

	/** Gives the lease up; a lease already taken over stays with its new holder. */
	public void release(Lease lease) {
		this.ofThisProcess.remove(lease.exercice(), lease);
		try {
			this.jdbc.update("UPDATE EXERCICE_LEASE SET HOLDER_ID = NULL, EXPIRES_AT = NULL WHERE EXERCICE = ?"
					+ " AND TOKEN = ? AND HOLDER_ID = ?", lease.exercice(), lease.token(), lease.holderId());
		}
		catch (DataAccessException ex) {
			// it expires by itself: the next launch takes it over once its lifetime has passed
			logger.warn("Bail de l'exercice " + lease.exercice() + " non rendu (" + LeaseFailures.oneLine(ex)
					+ ") : il expirera de lui-même dans " + this.settings.ttl().toSeconds() + " s.");
		}
	}

	/**
	 * Fencing, to be called inside the transaction that writes payments for the exercice, before
	 * it writes them: renews the lease under this process's token (the row then stays locked until
	 * the transaction ends), or throws {@link LeaseLostException} when another process took it over,
	 * so the transaction writes nothing. A job started without the exercice's lease (a test
	 * starting a job directly, never the command line) is not fenced.
	 */
	public void fence(int exercice) {
		Lease lease = this.ofThisProcess.get(exercice);
		if (lease == null) {
			return;
		}
		if (!beat(lease)) {
			Optional<Holder> now = holder(exercice);
			throw new LeaseLostException(exercice, now.filter(h -> h.holderId() != null));
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			holdUntilCompletion(lease);
		}
	}

	/**
	 * While the fencing transaction runs (a balance step can take a minute on a loaded machine), the
	 * row stays locked: the heartbeat cannot renew it and is told to wait, and the transaction
	 * renews the lease once more just before it commits, so the lease's lifetime counts from the
	 * payments' commit rather than from the fence.
	 */
	private void holdUntilCompletion(Lease lease) {
		int exercice = lease.exercice();
		this.fencedTransactions.merge(exercice, 1, Integer::sum);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void beforeCommit(boolean readOnly) {
				if (!beat(lease)) {
					throw new LeaseLostException(exercice, holder(exercice).filter(h -> h.holderId() != null));
				}
			}

			@Override
			public void afterCompletion(int status) {
				ExerciceLease.this.fencedTransactions.computeIfPresent(exercice, (key, open) -> open > 1 ? open - 1 : null);
			}

		});
	}

	/** Whether a transaction of this process holds the exercice's lease row locked (see {@link #fence}). */
	public boolean lockedByThisProcess(int exercice) {
		return this.fencedTransactions.containsKey(exercice);
	}

	/** The recorded holder of the exercice's lease (empty when never taken). */
	public Optional<Holder> holder(int exercice) {
		List<Holder> rows = this.jdbc.query("SELECT " + COLUMNS + " FROM EXERCICE_LEASE WHERE EXERCICE = ?",
				(row, n) -> holder(row), exercice);
		return rows.stream().findFirst();
	}

	/** The exercices whose lease is held now (maybe expired), with their holder. */
	public Map<Integer, Holder> held() {
		Map<Integer, Holder> held = new java.util.TreeMap<>();
		this.jdbc.query("SELECT EXERCICE, " + COLUMNS + " FROM EXERCICE_LEASE WHERE HOLDER_ID IS NOT NULL",
				(ResultSet row) -> {
					held.put(row.getInt("EXERCICE"), holder(row));
				});
		return held;
	}

	public Instant now() {
		return this.clock.instant();
	}

	public LeaseSettings settings() {
		return this.settings;
	}

	private static Holder holder(ResultSet row) throws SQLException {
		return new Holder(row.getLong("TOKEN"), row.getString("HOLDER_ID"), row.getString("OPERATOR"),
				row.getString("HOST"), row.getLong("PID"), instant(row.getTimestamp("TAKEN_AT")),
				instant(row.getTimestamp("HEARTBEAT_AT")), instant(row.getTimestamp("EXPIRES_AT")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private void ensureRow(int exercice) {
		try {
			this.jdbc.update("INSERT INTO EXERCICE_LEASE (EXERCICE, TOKEN) SELECT ?, 0 WHERE NOT EXISTS"
					+ " (SELECT 1 FROM EXERCICE_LEASE WHERE EXERCICE = ?)", exercice, exercice);
		}
		catch (DataAccessException ex) {
			// another process inserted the row at the same moment: the row exists, which is all we need
			logger.debug("Lease row of exercice " + exercice + " not inserted: " + ex.getMessage());
		}
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
			return name.contains("@") ? name.substring(name.indexOf('@') + 1) : "inconnu";
		}
	}

}
