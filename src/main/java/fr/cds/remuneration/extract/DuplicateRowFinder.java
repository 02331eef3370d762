package fr.cds.remuneration.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Finds the patient rows that repeat an earlier row of the same centre and patient, from the
 * partitions' spills, in bounded memory whatever the size of the extract or the number of
 * duplicates.
 * <ol>
 * <li>A first read of the spills counts each centre's rows and the runs they form in file order.
 * The extract lists a centre's patients together: a centre in one run (even across a partition
 * cut) of at most {@link #LOCAL_MAX_ROWS} rows is searched during the second read, in a table of
 * that run's fingerprints emptied when the run ends.</li>
 * <li>The rows of the other centres (met again later, or too many) are an external sort: read in
 * file order by chunks of at most {@code chunkRows}, each chunk sorted on the identifier
 * fingerprint (with the row's place in the chunk as tie-break, so that rows of equal fingerprint
 * keep their file order) and, when there is more than one chunk, written to a sorted run; the runs
 * are merged; rows whose fingerprints fall in the same sort group arrive together and in file
 * order, so the first row of each (centre, patient) is the one kept and every later one is
 * reported as its duplicate.</li>
 * </ol>
 * Memory: a megabyte of read buffer; the table of the largest centre searched in place (32 bytes a
 * slot, four slots a row: 2.6 MB for a centre of 20,000 rows, 32 MB at most); one chunk for the
 * rows sorted (42 bytes a row: the row, its sort key and the radix sort's scratch; at most 2²¹ rows,
 * 84 MB, and only as many as there are such rows: none or a few thousand in the usual extract) and
 * 64 KB per run while merging; the rows of a group are never held, only one entry per distinct
 * (centre, fingerprint) of the group, which is one in practice.
 */
public final class DuplicateRowFinder {

	/** Rows sorted in memory at once: 2²¹ rows, 84 MB. */
	public static final int DEFAULT_CHUNK_ROWS = 1 << 21;

	private static final int IO_BUFFER = 64 * 1024;

	/** Rows of a spill read at once (a megabyte). */
	private static final int READ_ROWS = 40_960;

	/** Most rows of a centre searched in place ({@link LocalSearch}); a larger centre is sorted. */
	static final int LOCAL_MAX_ROWS = 1 << 18;

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
	 * <p>
	 * The extract lists a centre's patients together: a centre whose accepted rows form one run in
	 * file order (the partitions' spills end to end, so a run may straddle a partition cut) and
	 * number at most {@link #LOCAL_MAX_ROWS} is searched right there, with a table of its rows'
	 * fingerprints ({@link LocalSearch}). Only the rows of the other centres — met in several runs,
	 * or too many — are sorted and merged, in bounded memory. Both routes keep the first row of a
	 * (centre, patient) in file order and report each later one against it, so the answer is the same.
	 */
	public void find(List<FingerprintSpill.Contents> spills, Consumer<Duplicate> duplicates) {
		long total = spills.stream().mapToLong(FingerprintSpill.Contents::rows).sum();
		if (total == 0) {
			return;
		}
		List<Path> runs = new ArrayList<>();
		GroupScan scan = new GroupScan(duplicates);
		try {
			CentreRuns centreRuns = new CentreRuns();
			forEachRow(spills, (view, position) -> centreRuns.add(SpilledRow.centre(view, position)));
			boolean[] local = centreRuns.searchedLocally();
			long sorted = total - centreRuns.rowsSearchedLocally(local);
			int capacity = (int) Math.min(this.chunkRows, sorted);
			byte[] chunk = new byte[capacity * SpilledRow.BYTES];
			long[] keys = new long[capacity];
			long[] scratch = new long[capacity];
			LocalSearch search = new LocalSearch(centreRuns.mostRowsSearchedLocally(local), duplicates);
			int[] filled = { 0 };
			SpilledRow row = new SpilledRow();
			forEachRow(spills, (view, position) -> {
				int centre = SpilledRow.centre(view, position);
				if (centre < local.length && local[centre]) {
					search.accept(row.read(view, position));
					return;
				}
				if (filled[0] == capacity) {
					runs.add(writeRun(chunk, keys, scratch, filled[0], runs.size()));
					filled[0] = 0;
				}
				view.get(position, chunk, filled[0]++ * SpilledRow.BYTES, SpilledRow.BYTES);
			});
			if (runs.isEmpty()) {
				if (filled[0] > 0) {
					scanChunk(chunk, keys, scratch, filled[0], scan);
				}
			}
			else {
				if (filled[0] > 0) {
					runs.add(writeRun(chunk, keys, scratch, filled[0], runs.size()));
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

	/** Receives each spilled row where it lies in a buffer of rows. */
	@FunctionalInterface
	private interface RowVisitor {

		void visit(ByteBuffer view, int position) throws IOException;

	}

	/** Reads every spill's rows in file order, a megabyte at a time. */
	private static void forEachRow(List<FingerprintSpill.Contents> spills, RowVisitor visitor) throws IOException {
		byte[] buffer = new byte[READ_ROWS * SpilledRow.BYTES];
		ByteBuffer view = ByteBuffer.wrap(buffer);
		for (FingerprintSpill.Contents spill : spills) {
			try (FileChannel in = FileChannel.open(spill.file(), StandardOpenOption.READ)) {
				long remaining = spill.rows() * SpilledRow.BYTES;
				long position = 0;
				while (remaining > 0) {
					int length = (int) Math.min(remaining, buffer.length);
					readFully(in, ByteBuffer.wrap(buffer, 0, length), position);
					position += length;
					remaining -= length;
					for (int at = 0; at < length; at += SpilledRow.BYTES) {
						visitor.visit(view, at);
					}
				}
			}
		}
	}

	/**
	 * Counts, for each centre, its rows and the runs they form in file order (one in the usual
	 * extract): memory grows with the centres, not with the rows.
	 */
	private static final class CentreRuns {

		private int[] runs = new int[1024];

		private long[] rows = new long[1024];

		private int previous = -1;

		void add(int centre) {
			if (centre >= this.runs.length) {
				int size = Math.max(centre + 1, this.runs.length * 2);
				this.runs = Arrays.copyOf(this.runs, size);
				this.rows = Arrays.copyOf(this.rows, size);
			}
			if (centre != this.previous && this.runs[centre] < 2) {
				this.runs[centre]++;
			}
			this.previous = centre;
			this.rows[centre]++;
		}

		/** By centre, whether its duplicates are searched in place: one run, not too many rows. */
		boolean[] searchedLocally() {
			boolean[] local = new boolean[this.runs.length];
			for (int c = 0; c < local.length; c++) {
				local[c] = this.runs[c] == 1 && this.rows[c] <= LOCAL_MAX_ROWS;
			}
			return local;
		}

		long rowsSearchedLocally(boolean[] local) {
			long sum = 0;
			for (int c = 0; c < local.length; c++) {
				sum += local[c] ? this.rows[c] : 0;
			}
			return sum;
		}

		int mostRowsSearchedLocally(boolean[] local) {
			long most = 0;
			for (int c = 0; c < local.length; c++) {
				most = local[c] ? Math.max(most, this.rows[c]) : most;
			}
			return (int) most;
		}

	}

	/**
	 * The duplicate search of centres whose rows come in one run: an open-addressing table of the
	 * run's fingerprints and first rows, emptied (by a new generation) when the next run starts.
	 * Sized once for the largest such centre: at most {@link #LOCAL_MAX_ROWS} rows, 2²⁰ slots of 32
	 * bytes; a few megabytes for a national extract.
	 */
	private static final class LocalSearch {

		private final Consumer<Duplicate> duplicates;

		private final int mask;

		private final long[] hashes;

		private final long[] lines;

		private final int[] partitions;

		private final int[] schemes;

		private final int[] contributions;

		private final int[] generations;

		private int generation;

		private int centre = -1;

		LocalSearch(int maxRows, Consumer<Duplicate> duplicates) {
			this.duplicates = duplicates;
			int slots = Integer.highestOneBit(Math.max(1, maxRows)) * 4;
			this.mask = slots - 1;
			this.hashes = new long[slots];
			this.lines = new long[slots];
			this.partitions = new int[slots];
			this.schemes = new int[slots];
			this.contributions = new int[slots];
			this.generations = new int[slots];
		}

		void accept(SpilledRow row) {
			if (row.centre != this.centre) {
				this.centre = row.centre;
				this.generation++;
			}
			int slot = (int) row.idHash & this.mask;
			while (this.generations[slot] == this.generation) {
				if (this.hashes[slot] == row.idHash) {
					this.duplicates.accept(new Duplicate(row.partition, row.line, row.centre, row.scheme, row.contribution,
							this.partitions[slot], this.lines[slot], this.schemes[slot], this.contributions[slot]));
					return;
				}
				slot = (slot + 1) & this.mask;
			}
			this.generations[slot] = this.generation;
			this.hashes[slot] = row.idHash;
			this.lines[slot] = row.line;
			this.partitions[slot] = row.partition;
			this.schemes[slot] = row.scheme;
			this.contributions[slot] = row.contribution;
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
