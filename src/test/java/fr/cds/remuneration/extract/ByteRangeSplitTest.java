package fr.cds.remuneration.extract;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Partition boundaries are record starts: never inside a quoted field. */
class ByteRangeSplitTest {

	@TempDir
	Path dir;

	@Test
	void rangesCoverTheFileAndStartOnLines() throws Exception {
		StringBuilder text = new StringBuilder("header\n");
		for (int i = 0; i < 1000; i++) {
			text.append("row;").append(i).append(";abc\n");
		}
		Path file = write(text.toString());
		List<ByteRange> ranges = ByteRange.splitAtRecords(file, 4);

		assertThat(ranges).hasSize(4);
		assertContiguous(ranges, Files.size(file));
		byte[] bytes = Files.readAllBytes(file);
		for (ByteRange range : ranges.subList(1, ranges.size())) {
			assertThat(bytes[(int) range.start() - 1]).isEqualTo((byte) '\n');
		}
	}

	@Test
	void aQuotedLineBreakAtTheSplitPointIsNeverCut() throws Exception {
		// 200 lines of 10 bytes, then at the middle a record whose quoted field holds two line breaks
		String line = "aaaa;bbbb\n";
		String quoted = "cccc;\"x\ny\nz\"\n";
		String text = line.repeat(100) + quoted + line.repeat(100);
		Path file = write(text);
		long recordStart = 100L * line.length();
		long recordEnd = recordStart + quoted.length();
		// the middle of the file falls inside the quoted field
		long middle = Files.size(file) / 2;
		assertThat(middle).isBetween(recordStart + 5, recordEnd - 1);

		List<ByteRange> ranges = ByteRange.splitAtRecords(file, 2);

		assertThat(ranges).hasSize(2);
		assertThat(ranges.get(1).start()).isEqualTo(recordEnd);
		assertContiguous(ranges, Files.size(file));
	}

	@Test
	void quotesThatNeverBalanceGiveFewerRangesNeverAWrongOne() throws Exception {
		String text = "a;b\n".repeat(10) + "c;\"unclosed\n" + "d;e\n".repeat(100);
		Path file = write(text);

		List<ByteRange> ranges = ByteRange.splitAtRecords(file, 4);

		assertThat(ranges).hasSize(1);
		assertThat(ranges.get(0)).isEqualTo(new ByteRange(0, Files.size(file)));
	}

	@Test
	void oneRangeForOnePartitionOrAnEmptyFile() throws Exception {
		assertThat(ByteRange.splitAtRecords(write("a\nb\n"), 1)).containsExactly(new ByteRange(0, 4));
		assertThat(ByteRange.splitAtRecords(write(""), 3)).containsExactly(new ByteRange(0, 0));
	}

	private static void assertContiguous(List<ByteRange> ranges, long size) {
		assertThat(ranges.get(0).start()).isZero();
		assertThat(ranges.get(ranges.size() - 1).end()).isEqualTo(size);
		for (int i = 1; i < ranges.size(); i++) {
			assertThat(ranges.get(i).start()).isEqualTo(ranges.get(i - 1).end()).isGreaterThan(ranges.get(i - 1).start());
		}
	}

	private Path write(String text) throws Exception {
		Path file = Files.createTempFile(this.dir, "extract", ".csv");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		return file;
	}

}
