package fr.cds.remuneration.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import fr.cds.remuneration.input.CsvFormats;

/**
 * Writes an output CSV: {@code ;} separator, CRLF, and for files meant for a spreadsheet a UTF-8
 * BOM so that a French spreadsheet opens them with the right accents. Text cells that come from
 * inputs are neutralised so a spreadsheet never runs them as formulas.
 */
public final class CsvOutput {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private CsvOutput() {
	}

	@FunctionalInterface
	public interface Rows {

		void printTo(CSVPrinter printer) throws IOException;

	}

	public static void write(Path target, boolean bom, Rows rows) {
		AtomicFiles.write(target, out -> {
			if (bom) {
				out.write(BOM);
			}
			Writer writer = new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8);
			try (CSVPrinter printer = new CSVPrinter(writer, CsvFormats.OUTPUT)) {
				rows.printTo(printer);
			}
		});
	}

	/**
	 * A text cell safe for spreadsheets: a value starting with {@code = + - @}, tab or CR is
	 * prefixed with an apostrophe so that it is shown, not evaluated.
	 */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value == null ? "" : value;
		}
		char first = value.charAt(0);
		return (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
				? "'" + value : value;
	}

	/** Cells of one record, for readability at call sites. */
	public static List<Object> row(Object... cells) {
		List<Object> row = new ArrayList<>(cells.length);
		for (Object cell : cells) {
			row.add(cell == null ? "" : cell);
		}
		return row;
	}

	private static OutputStream nonClosing(OutputStream out) {
		return new OutputStream() {
			@Override
			public void write(int b) throws IOException {
				out.write(b);
			}

			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				out.write(b, off, len);
			}

			@Override
			public void flush() throws IOException {
				out.flush();
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
	}

}
