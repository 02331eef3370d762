package fr.cds.remuneration.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV dialect of the project's files: {@code ;} separator, {@code "} quotes, LF or CRLF
 * line ends. Input files are UTF-8 with or without BOM unless the operator declares another
 * {@link InputEncoding}; decoding is strict.
 */
public final class CsvFormats {

	/** Format of every input file; the header is read and checked by the readers. */
	public static final CSVFormat INPUT = CSVFormat.Builder.create()
		.setDelimiter(';')
		.setQuote('"')
		.setRecordSeparator("\n")
		.setIgnoreEmptyLines(true)
		.get();

	/** Format of every output CSV file. */
	public static final CSVFormat OUTPUT = CSVFormat.Builder.create()
		.setDelimiter(';')
		.setQuote('"')
		.setRecordSeparator("\r\n")
		.get();

	private CsvFormats() {
	}

	/** A strict UTF-8 reader over {@code in}, positioned after the BOM if there is one. */
	public static Reader strictUtf8(InputStream in) throws IOException {
		return InputEncoding.UTF_8.reader(in);
	}

	/**
	 * The next record of an input file, or {@code null} at its end. A file that cannot be read on
	 * (undecodable bytes, broken quotes) is refused as a whole, at {@code line}: no row after that
	 * point could be split into fields with certainty.
	 */
	public static CSVRecord next(Iterator<CSVRecord> records, String file, Path path, InputEncoding encoding,
			long line) {
		try {
			return records.hasNext() ? records.next() : null;
		}
		catch (UncheckedIOException ex) {
			throw InputFileException.reading(file, path, encoding, line, ex.getCause());
		}
		catch (IllegalStateException ex) {
			throw new InputFileException(file, line, "CSV mal formé (" + CsvProblems.french(ex.getMessage()) + ")", ex);
		}
	}

}
