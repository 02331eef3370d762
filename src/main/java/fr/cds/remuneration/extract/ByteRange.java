package fr.cds.remuneration.extract;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

	/**
	 * Splits a file into at most {@code count} ranges of about the same size whose boundaries are
	 * record starts: line starts preceded by an even number of quote characters. A well-formed
	 * quoted field holds its quotes in pairs, so no quoted field (and no line break inside one) ever
	 * spans two ranges, and partitions read exactly the rows one reader would. One quick pass over
	 * the bytes (quotes are counted, nothing is parsed); where the quotes never balance again (a
	 * malformed file) fewer ranges are returned, never a wrong one.
	 */
	public static List<ByteRange> splitAtRecords(Path file, int count) throws IOException {
		long size = Files.size(file);
		List<Long> boundaries = new ArrayList<>(List.of(0L));
		if (count > 1 && size > 0) {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				byte[] bytes = new byte[1 << 20];
				ByteBuffer buffer = ByteBuffer.wrap(bytes);
				long offset = 0;
				long quotes = 0;
				int next = 1;
				long target = size * next / count;
				while (next < count) {
					buffer.clear();
					int read = channel.read(buffer, offset);
					if (read <= 0) {
						break;
					}
					int i = 0;
					while (i < read && next < count) {
						// count quotes up to the target, then look for the first balanced line end
						int stop = (int) Math.min(read, Math.max(0, target - offset));
						for (; i < stop; i++) {
							quotes += bytes[i] == '"' ? 1 : 0;
						}
						for (; i < read; i++) {
							byte b = bytes[i];
							if (b == '"') {
								quotes++;
							}
							else if (b == '\n' && (quotes & 1) == 0) {
								long boundary = offset + i + 1;
								if (boundary < size && boundary > boundaries.get(boundaries.size() - 1)) {
									boundaries.add(boundary);
								}
								next++;
								target = Math.max(size * next / count, boundary);
								i++;
								break;
							}
						}
					}
					offset += read;
				}
			}
		}
		List<ByteRange> ranges = new ArrayList<>();
		for (int k = 0; k < boundaries.size(); k++) {
			ranges.add(new ByteRange(boundaries.get(k), k + 1 < boundaries.size() ? boundaries.get(k + 1) : size));
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
