package fr.cds.remuneration.extract;

import java.io.IOException;
import java.io.InputStream;

import fr.cds.remuneration.input.BoundedRecordReader;

/**
 * Reads the plain rows of a range of the patient extract straight from its bytes, for the extract's
 * one pass, and stops at the first row that is not plain, from where Commons CSV reads the rest
 * ({@link #rest()}).
 * <p>
 * A plain row is a line of printable ASCII bytes (0x20 to 0x7E) without a quote, ended by LF or
 * CRLF, not empty and at most {@link #MAX_PLAIN_LINE} bytes long. In such a line the separator is
 * the only character the CSV format gives a meaning to, and every byte decodes to the same
 * character in UTF-8 and Windows-1252: its cells are exactly the strings Commons CSV would return
 * (checked field by field by {@code PlainRowReaderTest}). Anything else — a quote, a byte of
 * another encoding or an undecodable one, a control character, a lone CR, an empty line, a last
 * line without its line end, an overlong line — is left to Commons CSV, which reads, rejects or
 * refuses it with the messages it always gave, at the same line. The usual extract is plain from
 * its first row to its last; Commons CSV's per-character reader took 62 % of the pass's CPU
 * (profile in docs/scale.md).
 */
final class PlainRowReader {

	/** Longest line read here; a longer one goes to Commons CSV, which refuses it past its bound. */
	static final int MAX_PLAIN_LINE = BoundedRecordReader.MAX_RECORD_CHARS / 2;

	private static final int BUFFER = 1 << 20;

	private final InputStream in;

	private final byte[] buffer = new byte[BUFFER];

	/** Start of the first byte not consumed yet (the next line's start). */
	private int position;

	private int limit;

	private boolean endOfInput;

	private boolean stopped;

	/** Whether any byte was consumed: {@link #rest()} then starts mid-range. */
	private boolean consumed;

	/** @param in the range's bytes (hashed and counted as they are read) */
	PlainRowReader(InputStream in) {
		this.in = in;
	}

	/**
	 * Skips a UTF-8 byte order mark, if the range starts with one: the caller says whether the
	 * encoding and the range's place in the file make it one.
	 */
	void skipByteOrderMark() throws IOException {
		if (fill(3) >= 3 && (this.buffer[0] & 0xFF) == 0xEF && (this.buffer[1] & 0xFF) == 0xBB
				&& (this.buffer[2] & 0xFF) == 0xBF) {
			this.position = 3;
			this.consumed = true;
		}
	}

	/**
	 * Reads the next plain row into {@code row}; false at the end of the range or at the first row
	 * that is not plain (nothing of it consumed).
	 */
	boolean next(RowCells row) throws IOException {
		if (this.stopped) {
			return false;
		}
		int lineStart = this.position;
		int i = lineStart;
		while (true) {
			if (i == this.limit) {
				if (i - lineStart > MAX_PLAIN_LINE || !more(lineStart)) {
					return stop();
				}
				// the buffer moved: so did the line
				i -= lineStart - this.position;
				lineStart = this.position;
				continue;
			}
			byte b = this.buffer[i];
			if (b == '\n') {
				break;
			}
			if (b < 0x20 || b == 0x7F || b == '"') {
				// b < 0 too: a byte ≥ 0x80, of a multi-byte character or another encoding
				if (b == '\r' && i + 1 < this.limit && this.buffer[i + 1] == '\n') {
					break;
				}
				if (b == '\r' && i + 1 == this.limit) {
					// CR last in the buffer: read on to see whether LF follows
					if (!more(lineStart)) {
						return stop();
					}
					i -= lineStart - this.position;
					lineStart = this.position;
					continue;
				}
				return stop();
			}
			i++;
		}
		int contentEnd = i;
		// the LF that ends the line, after a CR for CRLF
		int lineEnd = this.buffer[i] == '\r' ? i + 1 : i;
		if (contentEnd == lineStart || contentEnd - lineStart > MAX_PLAIN_LINE) {
			// an empty line (Commons CSV skips it, counting its line) or an overlong one
			return stop();
		}
		row.startBytes(this.buffer);
		int cell = lineStart;
		for (int k = lineStart; k < contentEnd; k++) {
			if (this.buffer[k] == ';') {
				row.addCell(cell, k);
				cell = k + 1;
			}
		}
		row.addCell(cell, contentEnd);
		this.position = lineEnd + 1;
		this.consumed = true;
		return true;
	}

	/** Whether every byte of the range was consumed (Commons CSV has nothing left to read). */
	boolean exhausted() {
		return this.endOfInput && this.position == this.limit;
	}

	/** Whether rows or a byte order mark were consumed: {@link #rest()} then starts mid-range. */
	boolean consumedAny() {
		return this.consumed;
	}

	/** The bytes not consumed, from the start of the row that stopped the reading to the range's end. */
	InputStream rest() {
		return new InputStream() {

			@Override
			public int read() throws IOException {
				byte[] one = new byte[1];
				return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
			}

			@Override
			public int read(byte[] target, int offset, int length) throws IOException {
				if (length == 0) {
					return 0;
				}
				if (PlainRowReader.this.position < PlainRowReader.this.limit) {
					int n = Math.min(length, PlainRowReader.this.limit - PlainRowReader.this.position);
					System.arraycopy(PlainRowReader.this.buffer, PlainRowReader.this.position, target, offset, n);
					PlainRowReader.this.position += n;
					return n;
				}
				return PlainRowReader.this.in.read(target, offset, length);
			}

		};
	}

	private boolean stop() {
		this.stopped = true;
		return false;
	}

	/**
	 * Reads more bytes, keeping those from {@code keepFrom} (moved to the buffer's start); false at
	 * the end of the range with nothing more read.
	 */
	private boolean more(int keepFrom) throws IOException {
		if (this.endOfInput || keepFrom == 0 && this.limit == this.buffer.length) {
			return false;
		}
		int kept = this.limit - keepFrom;
		if (keepFrom > 0) {
			System.arraycopy(this.buffer, keepFrom, this.buffer, 0, kept);
		}
		this.position = 0;
		this.limit = kept;
		int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
		if (read <= 0) {
			this.endOfInput = true;
			return false;
		}
		this.limit += read;
		return true;
	}

	/** Fills the buffer with at least {@code wanted} bytes if the range has them; the bytes held. */
	private int fill(int wanted) throws IOException {
		while (this.limit < wanted && !this.endOfInput) {
			int read = this.in.read(this.buffer, this.limit, this.buffer.length - this.limit);
			if (read <= 0) {
				this.endOfInput = true;
			}
			else {
				this.limit += read;
			}
		}
		return this.limit;
	}

}
