package fr.cds.remuneration.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long LOW_BITS = 0x0101_0101_0101_0101L;

	private static final long HIGH_BITS = 0x8080_8080_8080_8080L;

	private static final long LINE_FEEDS = 0x0A0A_0A0A_0A0A_0A0AL;

	private static final long QUOTES = 0x2222_2222_2222_2222L;

	private static final long CARRIAGE_RETURNS = 0x0D0D_0D0D_0D0D_0D0DL;

	private static final int BUFFER_BYTES = 1 << 20;

	/** From this size on, the file's SHA-256 is computed on a second thread while the scan runs. */
	private static final long OVERLAP_MIN_BYTES = 16L << 20;

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

	private final Windows1252Reading windows1252 = new Windows1252Reading();

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

	private final RecordBoundaries boundaries;

	private EncodingEvidence evidence;

	private InputFileScan(long[] boundaryTargets, long expectedSize) {
		this.boundaries = new RecordBoundaries(boundaryTargets, expectedSize);
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
		try (InputStream in = Files.newInputStream(file)) {
			if (size >= OVERLAP_MIN_BYTES) {
				scan.readOverlapped(in);
			}
			else {
				byte[] buffer = new byte[BUFFER_BYTES];
				int read;
				while ((read = in.read(buffer)) > 0) {
					scan.digest.update(buffer, 0, read);
					scan.update(buffer, read);
				}
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

	/**
	 * Reads a large file with its SHA-256 computed on a second thread while this one scans the same
	 * buffer (the national extract's launch pass: the file's SHA-256 about 0.4 s of CPU for 600 MB,
	 * the scan and the ranges' SHA-256 the rest). The hashing thread takes the buffers in the order
	 * they were read, and a buffer is read into again only once it has hashed it: the digest covers
	 * exactly the bytes the scan saw, in order, as on one thread.
	 */
	private void readOverlapped(InputStream in) throws IOException {
		byte[][] buffers = { new byte[BUFFER_BYTES], new byte[BUFFER_BYTES] };
		Future<?>[] hashed = new Future<?>[buffers.length];
		ExecutorService hasher = Executors.newSingleThreadExecutor(runnable -> {
			Thread thread = new Thread(runnable, "input-sha256");
			thread.setDaemon(true);
			return thread;
		});
		try {
			for (int k = 0;; k = (k + 1) % buffers.length) {
				byte[] buffer = buffers[k];
				awaitHashed(hashed[k]);
				int read = in.read(buffer);
				if (read <= 0) {
					break;
				}
				hashed[k] = hasher.submit(() -> this.digest.update(buffer, 0, read));
				update(buffer, read);
			}
			for (Future<?> pending : hashed) {
				awaitHashed(pending);
			}
		}
		finally {
			hasher.shutdownNow();
		}
	}

	private static void awaitHashed(Future<?> pending) {
		if (pending == null) {
			return;
		}
		try {
			pending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("lecture des entrées interrompue", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("empreinte SHA-256 impossible", ex.getCause());
		}
	}

	public String sha256() {
		return this.sha256;
	}

	/**
	 * The SHA-256 of each range between the {@link #recordBoundaries()} (one more than there are
	 * boundaries); for a file not split, the file's own.
	 */
	public java.util.List<String> rangeSha256() {
		return this.boundaries.rangeSha256(this.sha256);
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
		return this.boundaries.boundaries();
	}

	/** Fails with the file, line and what to do when {@code declared} cannot read the file. */
	public void requireReadable(String fileName, InputEncoding declared) {
		problem(declared).ifPresent(p -> {
			throw new InputFileException(fileName, p.line(), p.message());
		});
	}

	/** What prevents reading the file in {@code declared}, if anything. */
	public Optional<Problem> problem(InputEncoding declared) {
		if (this.longRecordLine > 0 && !this.evidence.notText()) {
			return Optional.of(new Problem(this.longRecordLine, new BoundedRecordReader.RecordTooLongException(
					BoundedRecordReader.MAX_RECORD_CHARS).problem()));
		}
		return this.evidence.problem(declared);
	}

	/**
	 * Why a file is not readable.
	 *
	 * @param line the line of the first offending byte (1 for the whole file)
	 */
	public record Problem(long line, String message) {
	}

	/** Scans a buffer of the file's bytes (the file's digest is updated by the caller). */
	private void update(byte[] buffer, int length) {
		this.boundaries.startBuffer(buffer, this.offset);
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
		this.boundaries.endBuffer(length);
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
			if ((this.quotes & 1) == 0 && this.boundaries.wanted(this.lineStart)) {
				this.boundaries.record(this.lineStart);
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

	private void other(int b, long position) {
		if (this.need > 0) {
			if (b >= this.low && b <= this.high) {
				this.need--;
				this.low = 0x80;
				this.high = 0xBF;
				this.windows1252.count(b, this.line, position - this.lineStart + 1);
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
		this.windows1252.count(b, this.line, position - this.lineStart + 1);
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
		this.boundaries.finish();
		Windows1252Reading w = this.windows1252;
		this.evidence = new EncodingEvidence(this.firstBytes, this.nulBytes, this.offset, this.utf8Valid,
				this.invalidLine, this.invalidColumn, this.invalidByte, w.unmapped, w.unmappedLine, w.unmappedColumn,
				w.unmappedByte, w.nonAscii, w.firstNonAsciiLine, w.firstAsWindows1252, w.notFrenchLike);
	}

	static MessageDigest sha256Digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}

}
