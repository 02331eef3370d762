package fr.cds.remuneration.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hostile file with one enormous line must be refused after reading about the bound, not after
 * the parser has tried to hold the whole line in memory (Commons CSV grows its token buffer
 * without limit). The line is generated as it is read, never written to disk nor committed.
 */
class BoundedRecordReaderTest {

	/** Bytes a bounded reader may read before refusing: the bound, plus the decoder's and parser's buffers. */
	private static final long READ_LIMIT = 4L << 20;

	@TempDir
	Path work;

	@Test
	void refusesA500MegabyteLineAfterReadingOnlyAboutTheBound() throws IOException {
		GeneratedLine source = new GeneratedLine("finess;valeur\n", 500L << 20);
		try (Reader reader = InputEncoding.UTF_8.reader(source);
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CsvFormats.INPUT).get()) {
			var records = parser.iterator();
			assertThat(records.next().values()).containsExactly("finess", "valeur");
			assertThatThrownBy(records::hasNext).isInstanceOf(UncheckedIOException.class)
				.hasCauseInstanceOf(BoundedRecordReader.RecordTooLongException.class);
		}
		assertThat(source.read).isGreaterThan(BoundedRecordReader.MAX_RECORD_CHARS).isLessThan(READ_LIMIT);
	}

	@Test
	void theLaunchScanNamesTheLineOfAGeneratedMultiMegabyteLine() throws IOException {
		Path file = this.work.resolve("declarations.csv");
		Files.writeString(file, "finess;exercice;indicateur;valeur\n750000101;2024;COORDINATION;oui\n"
				+ "7".repeat(3_000_000) + "\n750000101;2024;CRISE_PLAN;oui\n", StandardCharsets.UTF_8);
		InputFileScan.Problem problem = InputFileScan.of(file, "declarations.csv").problem(InputEncoding.UTF_8).orElseThrow();
		assertThat(problem.line()).isEqualTo(3);
		assertThat(problem.message()).startsWith("ligne de données de plus de 65536 caractères");
	}

	@Test
	void theLaunchScanLetsLongFilesOfShortLinesThroughWhateverTheirLineEnds() throws IOException {
		for (String end : List.of("\n", "\r\n", "\r")) {
			Path file = this.work.resolve("lines.csv");
			Files.writeString(file, ("750000101;2024;\"COORD;INATION\";oui" + end).repeat(10_000), StandardCharsets.UTF_8);
			assertThat(InputFileScan.of(file, "lines.csv").problem(InputEncoding.UTF_8)).as("line end %s", end.length())
				.isEmpty();
			assertThat(read(Files.readString(file), BoundedRecordReader.MAX_RECORD_CHARS)).hasSize(10_000);
		}
	}

	@Test
	void aRecordOfExactlyTheBoundIsReadAndOneMoreCharacterIsNot() throws IOException {
		assertThat(read("a;" + "b".repeat(18) + "\nc;d\n", 20)).hasSize(2);
		assertThatThrownBy(() -> read("a;" + "b".repeat(19) + "\nc;d\n", 20)).isInstanceOf(UncheckedIOException.class)
			.hasCauseInstanceOf(BoundedRecordReader.RecordTooLongException.class);
	}

	@Test
	void aQuotedLineBreakDoesNotEndTheRecordAndDoubledQuotesDoNotConfuseIt() throws IOException {
		// 8 + 8 characters on two physical lines: one record of 17 with its line break
		assertThatThrownBy(() -> read("a;\"bbbbb\nccccccc\"\n", 16)).hasCauseInstanceOf(
				BoundedRecordReader.RecordTooLongException.class);
		assertThat(read("a;\"b\"\"b\"\nc;\"d\n\"\ne;f\n", 12)).hasSize(3);
	}

	private static List<CSVRecord> read(String text, int max) throws IOException {
		try (Reader reader = new BoundedRecordReader(new StringReader(text), max);
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CsvFormats.INPUT).get()) {
			List<CSVRecord> records = new ArrayList<>();
			parser.iterator().forEachRemaining(records::add);
			return records;
		}
	}

	/**
	 * A header, then {@code length} bytes of {@code 7} without a line end, produced as they are read;
	 * reading past {@link #READ_LIMIT} fails the test at once (an unbounded reader would go on to 500 MB).
	 */
	private static final class GeneratedLine extends InputStream {

		private final byte[] header;

		private final long length;

		long read;

		GeneratedLine(String header, long length) {
			this.header = header.getBytes(StandardCharsets.UTF_8);
			this.length = length;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0];
		}

		@Override
		public int read(byte[] buffer, int offset, int count) {
			if (this.read >= this.header.length + this.length) {
				return -1;
			}
			if (this.read > READ_LIMIT) {
				throw new IllegalStateException("read past " + READ_LIMIT + " bytes of the line: the reader is not bounded");
			}
			int n = (int) Math.min(count, this.header.length + this.length - this.read);
			for (int i = 0; i < n; i++) {
				long position = this.read + i;
				buffer[offset + i] = position < this.header.length ? this.header[(int) position] : (byte) '7';
			}
			this.read += n;
			return n;
		}

	}

}
