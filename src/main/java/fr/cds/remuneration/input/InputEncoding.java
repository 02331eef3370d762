package fr.cds.remuneration.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The character encoding of the input files. UTF-8 is the documented format; an operator who
 * receives a file exported by a spreadsheet in Windows-1252 (or Latin-1, whose printable
 * characters are the same) may declare it instead of converting it. Decoding is strict in both:
 * bytes that do not belong to the encoding stop the reading instead of being replaced silently.
 */
public enum InputEncoding {

	UTF_8("UTF-8", StandardCharsets.UTF_8, "utf-8", "utf8"),
	WINDOWS_1252("windows-1252", Charset.forName("windows-1252"), "windows-1252", "cp1252", "latin-1", "latin1",
			"iso-8859-1", "iso-8859-15");

	private final String label;

	private final Charset charset;

	private final String[] names;

	InputEncoding(String label, Charset charset, String... names) {
		this.label = label;
		this.charset = charset;
		this.names = names;
	}

	/** The encoding a {@code --input-encoding} value names, case-insensitively. */
	public static Optional<InputEncoding> parse(String name) {
		String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(e -> Arrays.asList(e.names).contains(key)).findFirst();
	}

	/** The name operators write and job parameters hold. */
	public String label() {
		return this.label;
	}

	public Charset charset() {
		return this.charset;
	}

	/**
	 * A strict reader over {@code in}, refusing a record longer than
	 * {@link BoundedRecordReader#MAX_RECORD_CHARS}; for UTF-8, positioned after the BOM if there is one.
	 */
	public Reader reader(InputStream in) throws IOException {
		return decoding(this == UTF_8 ? skipBom(in) : in);
	}

	/**
	 * The same reader over bytes that start inside a file, at a line's start, where three bytes that
	 * spell a byte order mark are a row's content, not a mark.
	 */
	public Reader readerMidFile(InputStream in) {
		return decoding(in);
	}

	private Reader decoding(InputStream content) {
		CharsetDecoder decoder = this.charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		// bounded: the CSV parser would hold a line of any length in memory
		return new BoundedRecordReader(new InputStreamReader(content, decoder));
	}

	private static InputStream skipBom(InputStream in) throws IOException {
		PushbackInputStream pushback = new PushbackInputStream(in, 3);
		byte[] head = new byte[3];
		int read = pushback.readNBytes(head, 0, 3);
		boolean bom = read == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
		if (!bom && read > 0) {
			pushback.unread(head, 0, read);
		}
		return pushback;
	}

}
