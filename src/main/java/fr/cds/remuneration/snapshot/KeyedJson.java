package fr.cds.remuneration.snapshot;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows of a key and a JSON text, the texts read in one pass and then parsed on every core. Parsing
 * the JSON is most of the cost of reading a run's stored inputs (3,000 centres, their declaration
 * answers, their patient aggregates by partition on the national data), the database's part is
 * small; the rows keep the query's order.
 *
 * @param key the query's first column (a FINESS)
 * @param value the second column's JSON, parsed
 */
record KeyedJson<T>(String key, T value) {

	/** The rows of {@code sql}, whose first column is the key and second the JSON of a {@code type}. */
	static <T> List<KeyedJson<T>> query(JdbcTemplate jdbc, String sql, Class<T> type, Object... args) {
		List<String[]> texts = jdbc.query(sql, (rs, i) -> new String[] { rs.getString(1), rs.getString(2) }, args);
		return texts.parallelStream().map(row -> new KeyedJson<>(row[0], SnapshotJson.read(row[1], type))).toList();
	}

}
