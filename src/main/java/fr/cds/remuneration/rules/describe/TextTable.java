package fr.cds.remuneration.rules.describe;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of cells printed in columns aligned over the whole table, with headings between them; the
 * last cell of a row is free text.
 */
final class TextTable {

	private static final String INDENT = "  ";

	/** A heading row has no cells: it is printed as is, without indentation. */
	private record Row(String heading, String[] cells) {
	}

	private final List<Row> rows = new ArrayList<>();

	TextTable heading(String heading) {
		this.rows.add(new Row(heading, null));
		return this;
	}

	TextTable row(String... cells) {
		this.rows.add(new Row(null, cells));
		return this;
	}

	void appendTo(StringBuilder out) {
		int columns = this.rows.stream().filter(r -> r.cells() != null).mapToInt(r -> r.cells().length).max().orElse(0);
		int[] widths = new int[columns];
		for (Row row : this.rows) {
			for (int i = 0; row.cells() != null && i < row.cells().length - 1; i++) {
				widths[i] = Math.max(widths[i], row.cells()[i].length());
			}
		}
		for (Row row : this.rows) {
			if (row.heading() != null) {
				out.append(row.heading()).append('\n');
				continue;
			}
			StringBuilder line = new StringBuilder(INDENT);
			String[] cells = row.cells();
			for (int i = 0; i < cells.length; i++) {
				line.append(cells[i]);
				if (i < cells.length - 1) {
					line.append(" ".repeat(widths[i] - cells[i].length() + 2));
				}
			}
			out.append(line.toString().stripTrailing()).append('\n');
		}
	}

}
