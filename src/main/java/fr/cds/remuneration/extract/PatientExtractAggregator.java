package fr.cds.remuneration.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import fr.cds.remuneration.input.CsvFormats;
import fr.cds.remuneration.input.HeaderCheck;
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

	/**
	 * What one range gave.
	 *
	 * @param lines physical lines of the range (header included for the first range), to number
	 * the rows of the following ranges
	 */
	public record Result(Map<String, PatientAggregate> aggregates, long rowsRead, long accepted, long rejected,
			long lines) {
	}

	/** The extract's column indexes, after checking its header. */
	public static Map<String, Integer> readHeader(Path file) {
		try (FileChannel channel = open(file); Reader reader = CsvFormats.strictUtf8(Channels.newInputStream(channel));
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			return HeaderCheck.columns(InputFile.PATIENTS, records.hasNext() ? records.next() : null);
		}
		catch (IOException ex) {
			throw new InputFileException(FILE, 1, "cannot read: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Aggregates the rows of {@code range}.
	 *
	 * @param knownCentres FINESS of the run's accepted centres
	 * @param rejects receives every rejected row, with its line relative to the range
	 * @param bytesRead advanced as bytes are consumed (progress reporting)
	 */
	public Result aggregate(Path file, ByteRange range, Set<String> knownCentres, Consumer<Reject> rejects,
			AtomicLong bytesRead) {
		Map<String, Integer> columns = readHeader(file);
		try (FileChannel channel = open(file)) {
			long start = ByteRange.lineStartAtOrAfter(channel, range.start());
			long end = ByteRange.lineStartAtOrAfter(channel, range.end());
			channel.position(start);
			InputStream bytes = new RangeInputStream(Channels.newInputStream(channel), end - start, bytesRead);
			PatientRowFolder folder = new PatientRowFolder(columns, knownCentres, rejects);
			long rowsRead = 0;
			try (Reader reader = CsvFormats.strictUtf8(bytes);
					CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
				Iterator<CSVRecord> records = parser.iterator();
				if (start == 0 && records.hasNext()) {
					records.next();
				}
				while (true) {
					long line = parser.getCurrentLineNumber() + 1;
					CSVRecord record;
					try {
						if (!records.hasNext()) {
							break;
						}
						record = records.next();
					}
					catch (UncheckedIOException ex) {
						throw translate(ex.getCause(), line);
					}
					catch (IllegalStateException ex) {
						throw new InputFileException(FILE, line, "malformed CSV (" + ex.getMessage() + ")", ex);
					}
					rowsRead++;
					folder.fold(record.values(), line);
				}
				return new Result(folder.aggregates(), rowsRead, folder.accepted(), folder.rejected(),
						parser.getCurrentLineNumber());
			}
		}
		catch (IOException ex) {
			throw new InputFileException(FILE, 0, "cannot read: " + ex.getMessage(), ex);
		}
	}

	private static FileChannel open(Path file) throws IOException {
		try {
			return FileChannel.open(file, StandardOpenOption.READ);
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(FILE, 0, "file not found in the input directory (" + file.toAbsolutePath() + ")");
		}
	}

	private static InputFileException translate(IOException cause, long line) {
		if (cause instanceof CharacterCodingException) {
			return new InputFileException(FILE, line,
					"not valid UTF-8: the file may be in Windows-1252/Latin-1; convert it to UTF-8", cause);
		}
		return new InputFileException(FILE, line, "cannot read: " + cause.getMessage(), cause);
	}

	/** Reads at most {@code remaining} bytes of a stream and reports progress. */
	private static final class RangeInputStream extends InputStream {

		private final InputStream in;

		private final AtomicLong progress;

		private long remaining;

		RangeInputStream(InputStream in, long length, AtomicLong progress) {
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
				this.remaining -= read;
				this.progress.addAndGet(read);
			}
			return read;
		}

	}

}
