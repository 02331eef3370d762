package fr.cds.remuneration.input;

import java.util.Map;

/**
 * One data row of an input file, with its physical line number (the header is line 1).
 *
 * @param columns column name to index, shared by all rows of the file
 * @param consistent whether the row has as many fields as the header
 */
public record CsvRow(String file, long line, Map<String, Integer> columns, String[] values, boolean consistent) {

	/** The field's value, or {@code ""} when the row is too short to have it. */
	public String get(String column) {
		Integer index = this.columns.get(column);
		return index == null || index >= this.values.length ? "" : this.values[index];
	}

	/** The name of the column at {@code index}, {@code "*"} for a field beyond the header. */
	public String columnName(int index) {
		// a plain loop: called for every field of every row, where a stream cost more than the check
		for (Map.Entry<String, Integer> column : this.columns.entrySet()) {
			if (column.getValue() == index) {
				return column.getKey();
			}
		}
		return "*";
	}

	public int size() {
		return this.values.length;
	}

}
