package fr.cds.remuneration.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Finds the patient rows that repeat an earlier row of the same centre and patient, from the
 * partitions' spills, in bounded memory whatever the size of the extract or the number of
 * duplicates: an external sort.
 * <ol>
 * <li>The spilled rows are read in file order by chunks of at most {@code chunkRows}; each chunk is
 * sorted on the identifier fingerprint (with the row's place in the chunk as tie-break, so that
 * rows of equal fingerprint keep their file order) and, when there is more than one chunk,
 * written to a sorted run.</li>
 * <li>The runs are merged; rows whose fingerprints fall in the same sort group arrive together and
 * in file order, so the first row of each (centre, patient) is the one kept and every later one
 * is reported as its duplicate.</li>
 * </ol>
 * Memory: one chunk (42 bytes a row: the row, its sort key and the radix sort's scratch; 2²¹ rows
 * take 84 MB) and 64 KB per run while merging; the rows of a group are never held, only one entry per distinct (centre,
 * fingerprint) of the group, which is one in practice.
 */
public final class DuplicateRowFinder {

	/** Rows sorted in memory at once: 2²¹ rows, 84 MB. */
	public static final int DEFAULT_CHUNK_ROWS = 1 << 21;

	private static final int IO_BUFFER = 64 * 1024;

	private final int chunkRows;

	private final long groupMask;

	private final Path workDirectory;

	/**
	 * @param chunkRows rows sorted in memory at once, a power of two
	 * @param workDirectory where the sorted runs are written (and deleted once merged)
	 */
	public DuplicateRowFinder(int chunkRows, Path workDirectory) {
		if (Integer.bitCount(chunkRows) != 1) {
			throw new IllegalArgumentException("chunkRows must be a power of two: " + chunkRows);
		}
		this.chunkRows = chunkRows;
		this.groupMask = ~(chunkRows - 1L);
		this.workDirectory = workDirectory;
	}

	/**
	 * A row that repeats an earlier one: same centre, same patient.
	 *
	 * @param line its line, relative to its partition
	 * @param scheme its scheme's number in its partition's dictionary
	 * @param contribution what it added to its centre's aggregate ({@link RowContribution})
	 * @param firstPartition the partition of the first row of this centre and patient, the one kept
	 * @param firstLine the line of that first row, relative to its partition
	 * @param firstScheme the first row's scheme number in its partition's dictionary
	 * @param firstContribution the first row's contribution
	 */
	public record Duplicate(int partition, long line, int centre, int scheme, int contribution, int firstPartition,
			long firstLine, int firstScheme, int firstContribution) {
	}

	/**
	 * Reports every duplicate of the spills, given in partition order, to {@code duplicates} (in no
	 * particular order).
	 */
	public void find(List<FingerprintSpill.Contents> spills, Consumer<Duplicate> duplicates) {
		long total = spills.stream().mapToLong(FingerprintSpill.Contents::rows).sum();
		if (total == 0) {
			return;
		}
		int capacity = (int) Math.min(this.chunkRows, total);
		byte[] chunk = new byte[capacity * SpilledRow.BYTES];
		long[] keys = new long[capacity];
		long[] scratch = new long[capacity];
		List<Path> runs = new ArrayList<>();
		GroupScan scan = new GroupScan(duplicates);
		try {
			int filled = 0;
			for (FingerprintSpill.Contents spill : spills) {
				try (FileChannel in = FileChannel.open(spill.file(), StandardOpenOption.READ)) {
					long remaining = spill.rows() * SpilledRow.BYTES;
					long position = 0;
					while (remaining > 0) {
						int length = (int) Math.min(remaining, (long) (capacity - filled) * SpilledRow.BYTES);
						readFully(in, ByteBuffer.wrap(chunk, filled * SpilledRow.BYTES, length), position);
						position += length;
						remaining -= length;
						filled += length / SpilledRow.BYTES;
						if (filled == capacity && (remaining > 0 || spill != spills.get(spills.size() - 1))) {
							runs.add(writeRun(chunk, keys, scratch, filled, runs.size()));
							filled = 0;
						}
					}
				}
			}
			if (runs.isEmpty()) {
				scanChunk(chunk, keys, scratch, filled, scan);
			}
			else {
				if (filled > 0) {
					runs.add(writeRun(chunk, keys, scratch, filled, runs.size()));
				}
				merge(runs, scan);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("échec de la recherche des doublons", ex);
		}
		finally {
			runs.forEach(DuplicateRowFinder::deleteQuietly);
		}
	}

	/** Sort keys of the chunk's rows: the fingerprint's group, then the row's place in the chunk. */
	private void sortChunk(byte[] chunk, long[] keys, long[] scratch, int rows) {
		ByteBuffer view = ByteBuffer.wrap(chunk);
		for (int i = 0; i < rows; i++) {
			keys[i] = (view.getLong(i * SpilledRow.BYTES) & this.groupMask) | i;
		}
		LongRadixSort.sort(keys, rows, scratch);
	}

	private void scanChunk(byte[] chunk, long[] keys, long[] scratch, int rows, GroupScan scan) {
		sortChunk(chunk, keys, scratch, rows);
		ByteBuffer view = ByteBuffer.wrap(chunk);
		SpilledRow row = new SpilledRow();
		long index = this.chunkRows - 1L;
		for (int i = 0; i < rows; i++) {
			scan.accept(row.read(view, (int) (keys[i] & index) * SpilledRow.BYTES));
		}
	}

	private Path writeRun(byte[] chunk, long[] keys, long[] scratch, int rows, int number) throws IOException {
		sortChunk(chunk, keys, scratch, rows);
		Files.createDirectories(this.workDirectory);
		Path run = this.workDirectory.resolve("duplicates-run-" + number + ".tmp");
		long index = this.chunkRows - 1L;
		try (FileChannel out = FileChannel.open(run, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.allocate(IO_BUFFER);
			for (int i = 0; i < rows; i++) {
				if (buffer.remaining() < SpilledRow.BYTES) {
					writeFully(out, buffer);
				}
				buffer.put(chunk, (int) (keys[i] & index) * SpilledRow.BYTES, SpilledRow.BYTES);
			}
			writeFully(out, buffer);
		}
		return run;
	}

	/** Merges sorted runs: by fingerprint group, then by run, so a group's rows come in file order. */
	private void merge(List<Path> runs, GroupScan scan) throws IOException {
		List<RunCursor> cursors = new ArrayList<>();
		try {
			// written out: the composed comparator's lambdas took 17 % of the step in the profile
			long mask = this.groupMask;
			PriorityQueue<RunCursor> queue = new PriorityQueue<>((a, b) -> {
				int byGroup = Long.compare(a.row.idHash & mask, b.row.idHash & mask);
				return byGroup != 0 ? byGroup : Integer.compare(a.number, b.number);
			});
			for (int i = 0; i < runs.size(); i++) {
				RunCursor cursor = new RunCursor(FileChannel.open(runs.get(i), StandardOpenOption.READ), i);
				cursors.add(cursor);
				if (cursor.next()) {
					queue.add(cursor);
				}
			}
			while (!queue.isEmpty()) {
				RunCursor cursor = queue.poll();
				scan.accept(cursor.row);
				if (cursor.next()) {
					queue.add(cursor);
				}
			}
		}
		finally {
			for (RunCursor cursor : cursors) {
				cursor.channel.close();
			}
		}
	}

	/**
	 * Receives the rows group by group, each group in file order, and reports each row whose
	 * (centre, fingerprint) was already seen in its group. A group's first row is only remembered in
	 * fields; a map is made only for the rare group of two rows or more.
	 */
	private final class GroupScan {

		private record Key(int centre, long idHash) {
		}

		private record First(int partition, long line, int scheme, int contribution) {
		}

		private final Consumer<Duplicate> duplicates;

		private boolean started;

		private long group;

		private int firstCentre;

		private long firstHash;

		private int firstPartition;

		private long firstLine;

		private int firstScheme;

		private int firstContribution;

		private Map<Key, First> seen;

		GroupScan(Consumer<Duplicate> duplicates) {
			this.duplicates = duplicates;
		}

		void accept(SpilledRow row) {
			long rowGroup = row.idHash & DuplicateRowFinder.this.groupMask;
			if (!this.started || rowGroup != this.group) {
				this.started = true;
				this.group = rowGroup;
				this.firstCentre = row.centre;
				this.firstHash = row.idHash;
				this.firstPartition = row.partition;
				this.firstLine = row.line;
				this.firstScheme = row.scheme;
				this.firstContribution = row.contribution;
				this.seen = null;
				return;
			}
			if (this.seen == null) {
				this.seen = new HashMap<>();
				this.seen.put(new Key(this.firstCentre, this.firstHash), new First(this.firstPartition, this.firstLine,
						this.firstScheme, this.firstContribution));
			}
			First first = this.seen.putIfAbsent(new Key(row.centre, row.idHash),
					new First(row.partition, row.line, row.scheme, row.contribution));
			if (first != null) {
				this.duplicates.accept(new Duplicate(row.partition, row.line, row.centre, row.scheme, row.contribution,
						first.partition(), first.line(), first.scheme(), first.contribution()));
			}
		}

	}

	/** A sorted run being merged, read 64 KB at a time. */
	private static final class RunCursor {

		private final FileChannel channel;

		private final int number;

		private final ByteBuffer buffer = ByteBuffer.allocate(IO_BUFFER);

		private final SpilledRow row = new SpilledRow();

		RunCursor(FileChannel channel, int number) {
			this.channel = channel;
			this.number = number;
			this.buffer.limit(0);
		}

		boolean next() throws IOException {
			if (this.buffer.remaining() < SpilledRow.BYTES) {
				this.buffer.compact();
				while (this.buffer.position() < SpilledRow.BYTES && this.channel.read(this.buffer) > 0) {
					// fill at least one row
				}
				this.buffer.flip();
				if (this.buffer.remaining() < SpilledRow.BYTES) {
					return false;
				}
			}
			this.row.read(this.buffer, this.buffer.position());
			this.buffer.position(this.buffer.position() + SpilledRow.BYTES);
			return true;
		}

	}

	private static void readFully(FileChannel in, ByteBuffer target, long position) throws IOException {
		long at = position;
		while (target.hasRemaining()) {
			int read = in.read(target, at);
			if (read < 0) {
				throw new IOException("fichier de travail plus court que ne l'indique sa fin");
			}
			at += read;
		}
	}

	private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
		buffer.flip();
		while (buffer.hasRemaining()) {
			out.write(buffer);
		}
		buffer.clear();
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a sorted run left behind is removed with the run's work directory
		}
	}

}
