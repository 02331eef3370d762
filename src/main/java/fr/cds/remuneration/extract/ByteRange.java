package fr.cds.remuneration.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A slice {@code [start, end)} of the extract's bytes. A range owns the rows that begin inside
 * it: a reader starts at the first line beginning at or after {@code start} and stops at the
 * first line beginning at or after {@code end}, so adjacent ranges share no row and miss none.
 */
public record ByteRange(long start, long end) {

	/** Splits {@code size} bytes into {@code count} ranges of about the same size. */
	public static List<ByteRange> split(long size, int count) {
		List<ByteRange> ranges = new ArrayList<>();
		long step = Math.max(1, size / count);
		for (int i = 0; i < count; i++) {
			long start = Math.min(size, i * step);
			long end = i == count - 1 ? size : Math.min(size, (i + 1) * step);
			ranges.add(new ByteRange(start, end));
		}
		return ranges;
	}

	/** The first position at or after {@code position} that begins a line. */
	static long lineStartAtOrAfter(FileChannel channel, long position) throws IOException {
		if (position <= 0) {
			return 0;
		}
		long size = channel.size();
		ByteBuffer buffer = ByteBuffer.allocate(8192);
		long offset = position - 1;
		while (offset < size) {
			buffer.clear();
			int read = channel.read(buffer, offset);
			if (read <= 0) {
				break;
			}
			for (int i = 0; i < read; i++) {
				if (buffer.get(i) == '\n') {
					return offset + i + 1;
				}
			}
			offset += read;
		}
		return size;
	}

}
