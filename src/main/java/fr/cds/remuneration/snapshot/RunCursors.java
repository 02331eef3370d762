package fr.cds.remuneration.snapshot;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.core.RowMapper;

/** Restartable cursors over the rows a run stored, for the chunk steps that go through them. */
public final class RunCursors {

	private RunCursors() {
	}

	/**
	 * A cursor over {@code sql}, whose one parameter is the run id. The query must give a stable
	 * order: a restart skips the rows already processed by counting them.
	 */
	public static <T> JdbcCursorItemReader<T> of(String name, String sql, RowMapper<T> rowMapper, long runId,
			DataSource dataSource) {
		return new JdbcCursorItemReaderBuilder<T>().name(name)
			.dataSource(dataSource)
			.sql(sql)
			.preparedStatementSetter(ps -> ps.setLong(1, runId))
			.rowMapper(rowMapper)
			.build();
	}

}
