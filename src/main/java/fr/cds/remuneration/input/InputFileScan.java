package fr.cds.remuneration.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One pass over the bytes of an input file: its SHA-256 (which identifies the run) and what its
 * bytes say about its encoding, so that a file the run cannot read is refused before anything
 * starts, with the line, the byte and the likely encoding. A file exported from a spreadsheet in
 * Windows-1252/Latin-1 is recognised: every non-ASCII byte then reads, in that encoding, as a
 * letter or a typographic mark of French text.
 * <p>
 * Messages never quote the file's content beyond the one offending character: the patient
 * extract's lines hold patient identifiers.
 */
public final class InputFileScan {

	/** Non-ASCII characters that Windows-1252 French text holds besides letters. */
	private static final String FRENCH_MARKS = "’‘“”«»€°–—…•·²³µ§©®\u00A0";

	private static final char[] WINDOWS_1252 = highHalf(InputEncoding.WINDOWS_1252.charset());

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long LOW_BITS = 0x0101_0101_0101_0101L;

	private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

	private static final long LINE_FEEDS = 0x0A0A_0A0A_0A0A_0A0AL;

	private static final long QUOTES = 0x2222_2222_2222_2222L;

	private static final long CARRIAGE_RETURNS = 0x0D0D_0D0D_0D0D_0D0DL;

	private final MessageDigest digest = sha256Digest();

	private long offset;

	private long line = 1;

	private long lineStart;

	/** Continuation bytes still expected by the current UTF-8 sequence, and the range of the next. */
	private int need;

	private int low;

	private int high;

	/** The byte that began the current UTF-8 sequence and where: what is reported when it breaks. */
	private int lead;

	private long leadLine;

	private long leadColumn;

	private boolean utf8Valid = true;

	private long invalidLine;

	private long invalidColumn;

	private int invalidByte;

	private long nonAscii;

	private long firstNonAsciiLine;

	private char firstAsWindows1252;

	/** Bytes that Windows-1252 does not map, and mapped ones that French text would not hold. */
	private long unmapped;

	private long unmappedLine;

	private long unmappedColumn;

	private int unmappedByte;

	private long notFrenchLike;

	private long nulBytes;

	/** Characters of the record being scanned (UTF-8 continuation bytes not counted), and where it started. */
	private long recordChars;

	private long recordLine = 1;

	/** The line where the first record longer than {@link BoundedRecordReader#MAX_RECORD_CHARS} starts (0: none). */
	private long longRecordLine;

	private int firstBytes;

	private String sha256;

	/** Quote characters seen so far: where their count is even, a line end ends a record. */
	private long quotes;

	/** Offsets near which a record boundary is wanted, the next one to serve, and the boundaries found. */
	private final long[] boundaryTargets;

	private int nextTarget;

	private final long[] boundaries;

	private int boundariesFound;

	private final long expectedSize;

	/**
	 * SHA-256 of the bytes between consecutive record boundaries (only when the file is split):
	 * each partition of the extract hashes its own range as it reads it and compares.
	 */
	private final MessageDigest rangeDigest;

	private final java.util.List<String> rangeSha256 = new java.util.ArrayList<>();

	/** The buffer being scanned, its file offset, and the index from which the range digest has not had it. */
	private byte[] buffer;

	private int rangeFrom;

	private InputFileScan(long[] boundaryTargets, long expectedSize) {
		this.boundaryTargets = boundaryTargets;
		this.boundaries = new long[boundaryTargets.length];
		this.expectedSize = expectedSize;
		this.rangeDigest = boundaryTargets.length > 0 ? sha256Digest() : null;
	}

	/** Scans {@code file}; a missing file is an {@link InputFileException} naming it. */
	public static InputFileScan of(Path file, String fileName) {
		return of(file, fileName, 1);
	}

	/**
	 * Scans {@code file} and, in the same pass, finds the record boundaries that split it into
	 * {@code parts} ranges of about the same size (see {@link #recordBoundaries()}).
	 */
	public static InputFileScan of(Path file, String fileName, int parts) {
		long size;
		try {
			size = Files.size(file);
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(fileName, 0,
					"fichier absent du répertoire d'entrée (" + file.toAbsolutePath() + ")");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lecture impossible de " + file, ex);
		}
		long[] targets = new long[Math.max(0, parts - 1)];
		for (int k = 0; k < targets.length; k++) {
			targets[k] = size * (k + 1) / parts;
		}
		InputFileScan scan = new InputFileScan(targets, size);
		byte[] buffer = new byte[1 << 20];
		try (InputStream in = Files.newInputStream(file)) {
			int read;
			while ((read = in.read(buffer)) > 0) {
				scan.update(buffer, read);
			}
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(fileName, 0,
					"fichier absent du répertoire d'entrée (" + file.toAbsolutePath() + ")");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lecture impossible de " + file, ex);
		}
		scan.finish();
		return scan;
	}

	public String sha256() {
		return this.sha256;
	}

	/**
	 * The SHA-256 of each range between the {@link #recordBoundaries()} (one more than there are
	 * boundaries); for a file not split, the file's own.
	 */
	public java.util.List<String> rangeSha256() {
		return this.rangeDigest == null ? java.util.List.of(this.sha256) : java.util.List.copyOf(this.rangeSha256);
	}

	/** The bytes scanned: the size of the file as it was read. */
	public long size() {
		return this.offset;
	}

	/**
	 * The record boundaries found near the wanted offsets: line starts preceded by an even number of
	 * quote characters, so that no quoted field spans two ranges. Fewer than asked when the quotes
	 * of a malformed file never balance again, never a wrong one.
	 */
	public long[] recordBoundaries() {
		return java.util.Arrays.copyOf(this.boundaries, this.boundariesFound);
	}

	/** Fails with the file, line and what to do when {@code declared} cannot read the file. */
	public void requireReadable(String fileName, InputEncoding declared) {
		problem(declared).ifPresent(p -> {
			throw new InputFileException(fileName, p.line(), p.message());
		});
	}

	/** What prevents reading the file in {@code declared}, if anything. */
	public Optional<Problem> problem(InputEncoding declared) {
		if (this.firstBytes == 0xFFFE || this.firstBytes == 0xFEFF || this.nulBytes * 4 > this.offset) {
			return Optional.of(new Problem(1, "le fichier est en UTF-16 (ou n'est pas un fichier texte) : enregistrez-le en UTF-8"));
		}
		if (this.longRecordLine > 0) {
			return Optional.of(new Problem(this.longRecordLine, new BoundedRecordReader.RecordTooLongException(
					BoundedRecordReader.MAX_RECORD_CHARS).problem()));
		}
		if (declared == InputEncoding.UTF_8) {
			return this.utf8Valid ? Optional.empty() : Optional.of(notUtf8());
		}
		if (this.unmapped > 0) {
			return Optional.of(new Problem(this.unmappedLine, "encodage déclaré " + declared.label() + " mais l'octet " + hex(this.unmappedByte)
					+ " (position " + this.unmappedColumn + " de la ligne) n'est pas un caractère de cet encodage : le fichier est"
					+ " endommagé ou dans un autre encodage ; exportez-le de nouveau en UTF-8"));
		}
		if (this.utf8Valid && this.nonAscii > 0) {
			return Optional.of(new Problem(this.firstNonAsciiLine, "encodage déclaré " + declared.label()
					+ " mais le fichier est en UTF-8 valide : le lire en " + declared.label() + " abîmerait ses accents ;"
					+ " relancez sans --input-encoding"));
		}
		return Optional.empty();
	}

	/**
	 * Why a file is not readable.
	 *
	 * @param line the line of the first offending byte (1 for the whole file)
	 */
	public record Problem(long line, String message) {
	}

	private Problem notUtf8() {
		String where = "pas en UTF-8 valide : octet " + hex(this.invalidByte) + " en position " + this.invalidColumn + " de la ligne";
		if (this.unmapped == 0 && this.notFrenchLike == 0) {
			return new Problem(this.invalidLine, where + ". Il semble en Windows-1252/Latin-1 : ses " + this.nonAscii
					+ " octet(s) non ASCII se lisent tous comme du texte français dans cet encodage (le premier, ligne "
					+ this.firstNonAsciiLine + ", comme '" + this.firstAsWindows1252 + "'). Convertissez-le en UTF-8, ou déclarez"
					+ " son encodage avec --input-encoding windows-1252");
		}
		return new Problem(this.invalidLine, where + ", et il ne se lit pas non plus comme du texte Windows-1252/Latin-1 : le"
				+ " fichier est endommagé ou dans un autre encodage ; exportez-le de nouveau en UTF-8");
	}

	private void update(byte[] buffer, int length) {
		this.digest.update(buffer, 0, length);
		this.buffer = buffer;
		this.rangeFrom = 0;
		if (this.offset == 0 && length >= 2) {
			this.firstBytes = ((buffer[0] & 0xFF) << 8) | (buffer[1] & 0xFF);
		}
		int i = 0;
		while (i < length) {
			if (this.need == 0 && i + Long.BYTES <= length && plain((long) LONGS.get(buffer, i))) {
				// eight bytes at once that change nothing: ASCII, neither a line end nor a quote nor NUL
				i += Long.BYTES;
				this.recordChars += Long.BYTES;
				continue;
			}
			for (int end = Math.min(i + Long.BYTES, length); i < end; i++) {
				int b = buffer[i];
				if (this.need == 0 && b > 0) {
					ascii(b, this.offset + i);
				}
				else {
					other(b & 0xFF, this.offset + i);
				}
			}
		}
		if (this.rangeDigest != null) {
			this.rangeDigest.update(buffer, this.rangeFrom, length - this.rangeFrom);
		}
		this.offset += length;
	}

	/**
	 * Whether none of the word's eight bytes matters to the scan: no byte at or above 0x80, no NUL,
	 * no line end (LF or CR), no quote (the byte-by-byte loop took most of the launch's pass over a national
	 * extract; a line of 60 bytes has 7 such words). Exact: a word with any of them is scanned byte
	 * by byte.
	 */
	private static boolean plain(long word) {
		return (word & HIGH_BITS) == 0 && !hasZeroByte(word) && !hasZeroByte(word ^ LINE_FEEDS)
				&& !hasZeroByte(word ^ QUOTES) && !hasZeroByte(word ^ CARRIAGE_RETURNS);
	}

	/** Whether a byte of the word is zero (exact when no byte has its high bit set, checked first). */
	private static boolean hasZeroByte(long word) {
		return ((word - LOW_BITS) & ~word & HIGH_BITS) != 0;
	}

	/** An ASCII byte: only line ends and quotes matter, whatever came before (even a broken sequence). */
	private void ascii(int b, long position) {
		this.recordChars++;
		if (b == '\n') {
			endOfLine();
			this.line++;
			this.lineStart = position + 1;
			if (this.nextTarget < this.boundaryTargets.length && (this.quotes & 1) == 0
					&& this.lineStart >= this.boundaryTargets[this.nextTarget]) {
				recordBoundary(this.lineStart);
			}
		}
		else if (b == '"') {
			this.quotes++;
		}
		else if (b == '\r') {
			// a CR alone ends a line too (old Mac exports); lines are numbered by their LF
			endOfLine();
		}
	}

	/** A line end outside quotes ends the record: was it too long to be read? */
	private void endOfLine() {
		if ((this.quotes & 1) == 0) {
			if (this.recordChars > BoundedRecordReader.MAX_RECORD_CHARS && this.longRecordLine == 0) {
				this.longRecordLine = this.recordLine;
			}
			this.recordChars = 0;
			this.recordLine = this.line + 1;
		}
	}

	private void recordBoundary(long lineStart) {
		if (lineStart < this.expectedSize) {
			this.boundaries[this.boundariesFound++] = lineStart;
			// the range ends at this line start, inside the buffer being scanned
			int end = (int) (lineStart - this.offset);
			this.rangeDigest.update(this.buffer, this.rangeFrom, end - this.rangeFrom);
			this.rangeSha256.add(HexFormat.of().formatHex(this.rangeDigest.digest()));
			this.rangeFrom = end;
		}
		// this line start serves every wanted offset up to it (close offsets in a short file)
		while (this.nextTarget < this.boundaryTargets.length && this.boundaryTargets[this.nextTarget] <= lineStart) {
			this.nextTarget++;
		}
	}

	private void other(int b, long position) {
		if (this.need > 0) {
			if (b >= this.low && b <= this.high) {
				this.need--;
				this.low = 0x80;
				this.high = 0xBF;
				countNonAscii(b, position);
				return;
			}
			invalid(this.lead, this.leadLine, this.leadColumn);
			this.need = 0;
		}
		if (b < 0x80) {
			if (b == 0) {
				this.nulBytes++;
			}
			else {
				ascii(b, position);
			}
			return;
		}
		countNonAscii(b, position);
		this.recordChars++;
		if (b >= 0xC2 && b <= 0xDF) {
			expect(b, position, 1, 0x80, 0xBF);
		}
		else if (b >= 0xE0 && b <= 0xEF) {
			// E0: no overlong form; ED: no UTF-16 surrogate
			expect(b, position, 2, b == 0xE0 ? 0xA0 : 0x80, b == 0xED ? 0x9F : 0xBF);
		}
		else if (b >= 0xF0 && b <= 0xF4) {
			// F0: no overlong form; F4: nothing above U+10FFFF
			expect(b, position, 3, b == 0xF0 ? 0x90 : 0x80, b == 0xF4 ? 0x8F : 0xBF);
		}
		else {
			invalid(b, this.line, position - this.lineStart + 1);
		}
	}

	private void expect(int lead, long position, int bytes, int low, int high) {
		this.lead = lead;
		this.leadLine = this.line;
		this.leadColumn = position - this.lineStart + 1;
		this.need = bytes;
		this.low = low;
		this.high = high;
	}

	private void countNonAscii(int b, long position) {
		this.nonAscii++;
		char c = WINDOWS_1252[b - 0x80];
		if (this.nonAscii == 1) {
			this.firstNonAsciiLine = this.line;
			this.firstAsWindows1252 = c;
		}
		if (c == '\uFFFD') {
			if (this.unmapped++ == 0) {
				this.unmappedLine = this.line;
				this.unmappedColumn = position - this.lineStart + 1;
				this.unmappedByte = b;
			}
		}
		else if (!Character.isLetter(c) && FRENCH_MARKS.indexOf(c) < 0) {
			this.notFrenchLike++;
		}
	}

	private void invalid(int b, long line, long column) {
		if (this.utf8Valid) {
			this.utf8Valid = false;
			this.invalidLine = line;
			this.invalidColumn = column;
			this.invalidByte = b;
		}
	}

	private void finish() {
		if (this.need > 0) {
			// the file ends inside a multi-byte sequence
			invalid(this.lead, this.leadLine, this.leadColumn);
		}
		this.quotes = 0;
		endOfLine();
		this.sha256 = HexFormat.of().formatHex(this.digest.digest());
		if (this.rangeDigest != null) {
			this.rangeSha256.add(HexFormat.of().formatHex(this.rangeDigest.digest()));
		}
	}

	private static String hex(int b) {
		return String.format("0x%02X", b);
	}

	/** How {@code charset} reads each byte from 0x80 to 0xFF ({@code U+FFFD} when it does not). */
	private static char[] highHalf(Charset charset) {
		char[] chars = new char[128];
		for (int b = 0x80; b <= 0xFF; b++) {
			try {
				chars[b - 0x80] = charset.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(new byte[] { (byte) b }))
					.charAt(0);
			}
			catch (CharacterCodingException ex) {
				chars[b - 0x80] = '\uFFFD';
			}
		}
		return chars;
	}

	private static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}

}
