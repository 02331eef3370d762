package fr.cds.remuneration.run;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * An exclusive lock on an exercice, held for the whole of a run by a row lock in the database
 * ({@code SELECT … FOR UPDATE NOWAIT} on {@code EXERCICE_LOCK}, on H2 and PostgreSQL alike). A
 * second process asking for the same exercice is refused at once; a process killed in the middle
 * loses its connection and so its lock, which tells the next launch that an execution still marked
 * STARTED is a crashed one, safe to recover.
 */
@Component
public class ExerciceLock {

	private static final Log logger = LogFactory.getLog(ExerciceLock.class);

	private final DataSource dataSource;

	public ExerciceLock(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** A held lock; closing it releases the exercice. */
	public static final class Held implements AutoCloseable {

		private final Connection connection;

		private final int exercice;

		private Held(Connection connection, int exercice) {
			this.connection = connection;
			this.exercice = exercice;
		}

		@Override
		public void close() {
			try (Connection c = this.connection) {
				c.rollback();
			}
			catch (SQLException ex) {
				logger.warn("Releasing the lock of exercice " + this.exercice + " failed: " + ex.getMessage());
			}
		}

	}

	/** Takes the exercice's lock, or returns empty at once when another process holds it. */
	public Optional<Held> tryAcquire(int exercice) {
		ensureRow(exercice);
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			try (PreparedStatement select = connection
				.prepareStatement("SELECT EXERCICE FROM EXERCICE_LOCK WHERE EXERCICE = ? FOR UPDATE NOWAIT")) {
				select.setInt(1, exercice);
				try (ResultSet rs = select.executeQuery()) {
					rs.next();
				}
			}
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE EXERCICE_LOCK SET HOLDER = ?, ACQUIRED = ? WHERE EXERCICE = ?")) {
				update.setString(1, ManagementFactory.getRuntimeMXBean().getName());
				update.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now()));
				update.setInt(3, exercice);
				update.executeUpdate();
			}
			return Optional.of(new Held(connection, exercice));
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			logger.debug("Exercice " + exercice + " is locked by another process: " + ex.getMessage());
			return Optional.empty();
		}
	}

	private void ensureRow(int exercice) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO EXERCICE_LOCK (EXERCICE) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM EXERCICE_LOCK WHERE EXERCICE = ?)")) {
			connection.setAutoCommit(true);
			insert.setInt(1, exercice);
			insert.setInt(2, exercice);
			insert.executeUpdate();
		}
		catch (SQLException ex) {
			// another process inserted the row at the same moment: the row exists, which is all we need
			logger.debug("Lock row of exercice " + exercice + " not inserted: " + ex.getMessage());
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.rollback();
				connection.close();
			}
			catch (SQLException ignored) {
				// the connection is being discarded
			}
		}
	}

}
