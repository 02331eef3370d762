package fr.cds.remuneration.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVPrinter;

import fr.cds.remuneration.input.CsvFormats;

/**
 * Writes an output CSV: {@code ;} separator, CRLF, and for files meant for a spreadsheet a UTF-8
 * BOM so that a French spreadsheet opens them with the right accents. Every text cell of every
 * output goes through {@link #row}, which neutralises those a spreadsheet would run as formulas:
 * a value from an input (a centre's name, a rejected value) never becomes a formula, whichever
 * writer prints it.
 */
public final class CsvOutput {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	/** A plain decimal number, which a spreadsheet reads as a number and never as a formula. */
	private static final Pattern NUMBER = Pattern.compile("-?[0-9]+([.,][0-9]+)?");

	/** First characters that make a spreadsheet evaluate a cell. */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	private CsvOutput() {
	}

	@FunctionalInterface
	public interface Rows {

		void printTo(CSVPrinter printer) throws IOException;

	}

	public static void write(Path target, boolean bom, Rows rows) {
		AtomicFiles.write(target, out -> print(out, bom, rows));
	}

	/**
	 * The CSV as bytes, for a caller that renders in one thread and writes in another. The records
	 * are printed into a {@link StringBuilder} and encoded once: through an {@link OutputStreamWriter}
	 * every cell went through the stream encoder and its lock, half the CSV's time in the statements
	 * step (issue 21). The same characters, hence the same bytes.
	 */
	public static byte[] render(boolean bom, Rows rows) {
		StringBuilder text = new StringBuilder(8 * 1024);
		try (CSVPrinter printer = new CSVPrinter(text, CsvFormats.OUTPUT)) {
			rows.printTo(printer);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		byte[] encoded = text.toString().getBytes(StandardCharsets.UTF_8);
		if (!bom) {
			return encoded;
		}
		byte[] withBom = new byte[BOM.length + encoded.length];
		System.arraycopy(BOM, 0, withBom, 0, BOM.length);
		System.arraycopy(encoded, 0, withBom, BOM.length, encoded.length);
		return withBom;
	}

	private static void print(OutputStream out, boolean bom, Rows rows) throws IOException {
		if (bom) {
			out.write(BOM);
		}
		Writer writer = new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8);
		try (CSVPrinter printer = new CSVPrinter(writer, CsvFormats.OUTPUT)) {
			rows.printTo(printer);
		}
	}

	/**
	 * A text cell safe for spreadsheets: a value whose first character (after any spaces) is
	 * {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe so that it is shown,
	 * not evaluated. A plain number ({@code -12,50}) is left as it is: it is not a formula.
	 */
	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value == null ? "" : value;
		}
		int first = 0;
		while (first < value.length() - 1 && value.charAt(first) == ' ') {
			first++;
		}
		boolean formula = FORMULA_STARTS.indexOf(value.charAt(first)) >= 0 && !NUMBER.matcher(value).matches();
		return formula ? "'" + value : value;
	}

	/** Cells of one record, text cells neutralised ({@link #text}). */
	public static List<Object> row(Object... cells) {
		List<Object> row = new ArrayList<>(cells.length);
		for (Object cell : cells) {
			row.add(cell == null ? "" : cell instanceof CharSequence text ? text(text.toString()) : cell);
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
