package fr.cds.remuneration.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import fr.cds.remuneration.input.CsvFormats;
import fr.cds.remuneration.input.HeaderCheck;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.Reject;

/**
 * Streams one byte range of the patient extract once and folds it into per-centre aggregates.
 * Spring-free: the annual job's partitions, the benchmark and the tests all call it.
 */
public final class PatientExtractAggregator {

	private static final String FILE = InputFile.PATIENTS.fileName();

	private static final CSVFormat FORMAT = CsvFormats.INPUT;

	private final Path file;

	private final InputEncoding encoding;

	public PatientExtractAggregator(Path file, InputEncoding encoding) {
		this.file = file;
		this.encoding = encoding;
	}

	/**
	 * What one range gave.
	 *
	 * @param lines physical lines of the range (header included for the first range), to number
	 * the rows of the following ranges
	 * @param bytesRead the range the rows were read from, as found in the file now
	 * @param sha256 SHA-256 of exactly the bytes parsed, hashed as they were read: the caller
	 * compares it with the launch's
	 */
	public record Result(Map<String, PatientAggregate> aggregates, long rowsRead, long accepted, long rejected,
			long lines, ByteRange bytesRead, String sha256) {
	}

	/** The extract's column indexes, after checking its header. */
	public Map<String, Integer> readHeader() {
		try (FileChannel channel = open(); Reader reader = this.encoding.reader(Channels.newInputStream(channel));
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			return HeaderCheck.columns(InputFile.PATIENTS, next(records, 1));
		}
		catch (IOException ex) {
			throw new InputFileException(FILE, 1, "lecture impossible : " + ex.getMessage(), ex);
		}
	}

	/**
	 * Aggregates the rows of {@code range}: its plain rows read from their bytes
	 * ({@link PlainRowReader}), the rest, from the first row that is not plain, by Commons CSV.
	 *
	 * @param centres the run's accepted centres
	 * @param rejects receives every rejected row, with its line relative to the range
	 * @param progress advanced as bytes and rows are consumed (progress reporting)
	 * @param sink receives every accepted row's fingerprint, for the duplicate search
	 */
	public Result aggregate(ByteRange range, KnownCentres centres, Consumer<Reject> rejects, ExtractProgress progress,
			AcceptedRowSink sink) {
		return aggregate(range, centres, rejects, progress, sink, true);
	}

	/**
	 * @param plainRows whether plain rows are read from their bytes; false reads every row with
	 * Commons CSV (the reference the tests compare the byte reader with)
	 */
	Result aggregate(ByteRange range, KnownCentres centres, Consumer<Reject> rejects, ExtractProgress progress,
			AcceptedRowSink sink, boolean plainRows) {
		Map<String, Integer> columns = readHeader();
		try (FileChannel channel = open()) {
			long start = ByteRange.lineStartAtOrAfter(channel, range.start());
			long end = ByteRange.lineStartAtOrAfter(channel, range.end());
			if (start == end) {
				// a range inside one line owns no row; the parser would still count one line for it
				sink.end(List.of());
				return new Result(Map.of(), 0, 0, 0, 0, new ByteRange(start, end), RangeInputStream.EMPTY_SHA256);
			}
			channel.position(start);
			RangeInputStream bytes = new RangeInputStream(Channels.newInputStream(channel), end - start, progress);
			PatientRowFolder folder = new PatientRowFolder(columns, centres, rejects, sink);
			RowCells cells = new RowCells();
			long rowsRead = 0;
			// physical lines consumed before Commons CSV takes over (header included)
			long lines = 0;
			boolean headerToSkip = start == 0;
			InputStream rest = bytes;
			// only the file's first bytes may be a byte order mark: elsewhere those bytes are a row's content,
			// whichever partition the row falls in
			boolean restAtRangeStart = start == 0;
			if (plainRows) {
				PlainRowReader plain = new PlainRowReader(bytes);
				if (start == 0 && this.encoding == InputEncoding.UTF_8) {
					plain.skipByteOrderMark();
				}
				// the header was checked by readHeader: a plain one is skipped here
				if (!headerToSkip || plain.next(cells)) {
					if (headerToSkip) {
						headerToSkip = false;
						lines = 1;
					}
					while (plain.next(cells)) {
						lines++;
						if ((++rowsRead & (ExtractProgress.ROW_BATCH - 1)) == 0) {
							progress.addRows(ExtractProgress.ROW_BATCH);
						}
						folder.fold(cells, lines, false);
					}
				}
				if (plain.exhausted() && !headerToSkip) {
					// every row was plain (the usual extract); a parser over no byte would count a line
					progress.addRows(rowsRead & (ExtractProgress.ROW_BATCH - 1));
					sink.end(folder.schemes());
					return new Result(folder.aggregates(), rowsRead, folder.accepted(), folder.rejected(), lines,
							new ByteRange(start, end), bytes.sha256());
				}
				rest = plain.rest();
				restAtRangeStart = start == 0 && !plain.consumedAny();
			}
			try (Reader reader = restAtRangeStart ? this.encoding.reader(rest) : this.encoding.readerMidFile(rest);
					CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
				Iterator<CSVRecord> records = parser.iterator();
				if (headerToSkip) {
					next(records, 1);
				}
				while (true) {
					long line = lines + parser.getCurrentLineNumber() + 1;
					CSVRecord record = next(records, line);
					if (record == null) {
						break;
					}
					if ((++rowsRead & (ExtractProgress.ROW_BATCH - 1)) == 0) {
						progress.addRows(ExtractProgress.ROW_BATCH);
					}
					// the parser counts line breaks: more than the row's own means a quoted one inside
					folder.fold(cells.strings(record.values()), line, lines + parser.getCurrentLineNumber() > line);
				}
				progress.addRows(rowsRead & (ExtractProgress.ROW_BATCH - 1));
				sink.end(folder.schemes());
				return new Result(folder.aggregates(), rowsRead, folder.accepted(), folder.rejected(),
						lines + parser.getCurrentLineNumber(), new ByteRange(start, end), bytes.sha256());
			}
		}
		catch (IOException ex) {
			throw new InputFileException(FILE, 0, "lecture impossible : " + ex.getMessage(), ex);
		}
	}

	private CSVRecord next(Iterator<CSVRecord> records, long line) {
		return CsvFormats.next(records, FILE, this.file, this.encoding, line);
	}

	private FileChannel open() throws IOException {
		try {
			return FileChannel.open(this.file, StandardOpenOption.READ);
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(FILE, 0,
					"fichier absent du répertoire d'entrée (" + this.file.toAbsolutePath() + ")");
		}
	}

	/**
	 * Reads at most {@code remaining} bytes of a stream, hashes them and reports progress. Hashing
	 * here, in the one pass that folds the rows, costs no second read of the extract.
	 */
	private static final class RangeInputStream extends InputStream {

		static final String EMPTY_SHA256 = HexFormat.of().formatHex(sha256Digest().digest());

		private final InputStream in;

		private final MessageDigest digest = sha256Digest();

		private final ExtractProgress progress;

		private long remaining;

		RangeInputStream(InputStream in, long length, ExtractProgress progress) {
			this.in = in;
			this.remaining = length;
			this.progress = progress;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int read = this.in.read(buffer, offset, (int) Math.min(length, this.remaining));
			if (read > 0) {
				this.digest.update(buffer, offset, read);
				this.remaining -= read;
				this.progress.addBytes(read);
			}
			return read;
		}

		/** The SHA-256 of the bytes read, once the parser has reached the end of the range. */
		String sha256() {
			return HexFormat.of().formatHex(this.digest.digest());
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

}
