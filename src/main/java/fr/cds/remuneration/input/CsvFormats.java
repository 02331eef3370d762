package fr.cds.remuneration.input;

import org.apache.commons.csv.CSVFormat;

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

}
