package fr.cds.remuneration.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops reading at a record longer than {@link #MAX_RECORD_CHARS}. The CSV parser holds a whole
 * record in memory before returning it (Commons CSV grows its token buffer without limit), so a
 * file with a 500 MB line, or a quote never closed near the start of a big file, would exhaust the
 * heap before any check could look at it. No row of the input layouts comes near the bound: the
 * longest field is bounded at a few hundred characters ({@link FieldLengths}).
 * <p>
 * A record ends at a line end outside quotes: as for the parser, a quote character toggles the
 * quoted state (a doubled quote inside a quoted field toggles it twice), so a quoted line break does
 * not end the record.
 */
public final class BoundedRecordReader extends FilterReader {

	/** Characters a record may hold, line ends of quoted line breaks included. */
	public static final int MAX_RECORD_CHARS = 65_536;

	private final int max;

	private int recordChars;

	private boolean quoted;

	public BoundedRecordReader(Reader in) {
		this(in, MAX_RECORD_CHARS);
	}

	BoundedRecordReader(Reader in, int max) {
		super(in);
		this.max = max;
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c >= 0) {
			count((char) c);
		}
		return c;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		for (int i = offset; i < offset + read; i++) {
			count(buffer[i]);
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		// every character must be counted: skip by reading
		char[] buffer = new char[(int) Math.min(n, 8192)];
		long skipped = 0;
		while (skipped < n) {
			int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
			if (read < 0) {
				break;
			}
			skipped += read;
		}
		return skipped;
	}

	private void count(char c) throws RecordTooLongException {
		if (c == '"') {
			this.quoted = !this.quoted;
		}
		else if ((c == '\n' || c == '\r') && !this.quoted) {
			this.recordChars = 0;
			return;
		}
		if (++this.recordChars > this.max) {
			throw new RecordTooLongException(this.max);
		}
	}

	/** A record longer than the bound: the file is refused where the record starts. */
	public static final class RecordTooLongException extends IOException {

		private static final long serialVersionUID = 1L;

		private final int max;

		RecordTooLongException(int max) {
			super("enregistrement de plus de " + max + " caractères");
			this.max = max;
		}

		/** The French explanation, for the message that names the file and the line. */
		public String problem() {
			return "ligne de données de plus de " + this.max + " caractères (guillemet jamais fermé, fichier"
					+ " sans fins de ligne, ou fichier qui n'est pas un export de données) : aucune ligne des fichiers"
					+ " d'entrée n'en approche ; fichier refusé, rien n'a été lu au-delà";
		}

	}

}
