package fr.cds.remuneration.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;

/**
 * The one CSV dialect of the project's files: {@code ;} separator, {@code "} quotes, UTF-8 with
 * or without BOM, LF or CRLF line ends. Decoding is strict: bytes that are not UTF-8 stop the
 * reading with a clear error instead of being replaced silently.
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
		PushbackInputStream pushback = new PushbackInputStream(in, 3);
		byte[] head = new byte[3];
		int read = pushback.readNBytes(head, 0, 3);
		boolean bom = read == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
		if (!bom && read > 0) {
			pushback.unread(head, 0, read);
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		return new InputStreamReader(pushback, decoder);
	}

}
