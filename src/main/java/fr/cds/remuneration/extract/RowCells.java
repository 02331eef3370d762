package fr.cds.remuneration.extract;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The cells of the patient row being folded, in one of two forms: the strings Commons CSV made of
 * a record, or the bytes of a plain row as {@link PlainRowReader} found it (printable ASCII, no
 * quote), cut at its separators. The folder reads both through the same methods, so that one piece
 * of logic validates and folds every row; a byte cell becomes a string only when a problem must be
 * reported or a new centre or scheme code looked up. Printable ASCII decodes to the same characters
 * in every {@link fr.cds.remuneration.input.InputEncoding}, so a byte cell reads as the string
 * Commons CSV would have made of it ({@code PlainRowReaderTest} checks it field by field).
 */
final class RowCells {

	private String[] strings;

	private byte[] bytes;

	private int[] starts = new int[32];

	private int[] ends = new int[32];

	private int count;

	/** The cells of a Commons CSV record. */
	RowCells strings(String[] values) {
		this.strings = values;
		this.bytes = null;
		this.count = values.length;
		return this;
	}

	/** Starts a row of plain bytes held in {@code buffer}; cells are added by {@link #addCell}. */
	void startBytes(byte[] buffer) {
		this.strings = null;
		this.bytes = buffer;
		this.count = 0;
	}

	void addCell(int start, int end) {
		if (this.count == this.starts.length) {
			this.starts = Arrays.copyOf(this.starts, this.count * 2);
			this.ends = Arrays.copyOf(this.ends, this.count * 2);
		}
		this.starts[this.count] = start;
		this.ends[this.count++] = end;
	}

	int count() {
		return this.count;
	}

	int length(int i) {
		return this.strings != null ? this.strings[i].length() : this.ends[i] - this.starts[i];
	}

	char charAt(int i, int index) {
		return this.strings != null ? this.strings[i].charAt(index) : (char) (this.bytes[this.starts[i] + index] & 0xFF);
	}

	/** The cell as a string (made for a byte cell). */
	String value(int i) {
		if (this.strings != null) {
			return this.strings[i];
		}
		return new String(this.bytes, this.starts[i], this.ends[i] - this.starts[i], StandardCharsets.ISO_8859_1);
	}

	/** Every cell as strings (a rejected row's shape). */
	String[] values() {
		if (this.strings != null) {
			return this.strings;
		}
		String[] values = new String[this.count];
		for (int i = 0; i < this.count; i++) {
			values[i] = value(i);
		}
		return values;
	}

	/** Whether cell {@code i} is exactly {@code text}, without making a string of it. */
	boolean is(int i, String text) {
		if (this.strings != null) {
			return this.strings[i].equals(text);
		}
		int start = this.starts[i];
		int length = this.ends[i] - start;
		if (text == null || length != text.length()) {
			return false;
		}
		for (int k = 0; k < length; k++) {
			if ((this.bytes[start + k] & 0xFF) != text.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	/** {@link String#isBlank()} of the cell. */
	boolean isBlank(int i) {
		if (this.strings != null) {
			return this.strings[i].isBlank();
		}
		// a plain cell holds printable ASCII: its only white space is the space
		for (int k = this.starts[i]; k < this.ends[i]; k++) {
			if (this.bytes[k] != ' ') {
				return false;
			}
		}
		return true;
	}

}
