package fr.cds.remuneration.snapshot;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A fresh in-memory H2 database with every migration applied, for the store tests. */
final class MigratedH2 {

	private MigratedH2() {
	}

	/** A new database named after {@code name} (each call its own, even with the same name). */
	static JdbcTemplate fresh(String name) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).load().migrate();
		return new JdbcTemplate(dataSource);
	}

}
