package fr.cds.remuneration.extract;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spill file of one partition of the patient extract: each accepted row in its compact form
 * ({@link SpilledRow}), in line order, then the partition's scheme codes and a footer that says
 * the file is complete. It is written while the partition is folded (sequentially, 64 KB at a
 * time), read by the duplicate search, and written again from scratch whenever the partition is
 * folded again. It holds fingerprints of identifiers, never identifiers, and lives only until the
 * duplicate search is done.
 */
public final class FingerprintSpill {

	/**
	 * "CDSSPIL3": a file that does not end with it was not completely written, or has the layout of
	 * an earlier version (version 1 had a one-byte contribution, without age; version 2 a two-byte
	 * one, without the règlement arbitral's populations).
	 */
	private static final long MAGIC = 0x4344535350494C33L;

	private static final int FOOTER_BYTES = 24;

	private FingerprintSpill() {
	}

	/** Starts (or restarts) the spill of {@code partition} in {@code file}. */
	public static Writer create(Path file, int partition) {
		if (partition < 0 || partition > 255) {
			throw new IllegalArgumentException("partition " + partition + " outside 0..255");
		}
		try {
			Files.createDirectories(file.getParent());
			return new Writer(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING), partition);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("création impossible de " + file, ex);
		}
	}

	/**
	 * A complete spill file.
	 *
	 * @param schemes the partition's scheme codes, by number
	 */
	public record Contents(Path file, int partition, long rows, List<String> schemes) {
	}

	/**
	 * The spill in {@code file} if it is complete and holds {@code expectedRows} rows; empty when it
	 * is missing, was cut short by a crash or belongs to another fold.
	 */
	public static Optional<Contents> open(Path file, int partition, long expectedRows) {
		if (!Files.isRegularFile(file)) {
			return Optional.empty();
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			if (size < FOOTER_BYTES) {
				return Optional.empty();
			}
			ByteBuffer footer = ByteBuffer.allocate(FOOTER_BYTES);
			channel.read(footer, size - FOOTER_BYTES);
			long rows = footer.getLong(0);
			long dictionary = footer.getLong(8);
			if (footer.getLong(16) != MAGIC || rows != expectedRows || dictionary != rows * SpilledRow.BYTES
					|| dictionary > size - FOOTER_BYTES) {
				return Optional.empty();
			}
			ByteBuffer names = ByteBuffer.allocate((int) (size - FOOTER_BYTES - dictionary));
			channel.read(names, dictionary);
			names.flip();
			List<String> schemes = new ArrayList<>();
			int count = names.getInt();
			for (int i = 0; i < count; i++) {
				byte[] name = new byte[Short.toUnsignedInt(names.getShort())];
				names.get(name);
				schemes.add(new String(name, StandardCharsets.UTF_8));
			}
			return Optional.of(new Contents(file, partition, rows, List.copyOf(schemes)));
		}
		catch (IOException | RuntimeException ex) {
			// unreadable or inconsistent: the caller folds the partition again
			return Optional.empty();
		}
	}

	/** Writes a partition's spill; {@link #end} completes it, {@link #close} releases the file. */
	public static final class Writer implements AcceptedRowSink, Closeable {

		private final FileChannel channel;

		private final int partition;

		private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

		private long rows;

		private Writer(FileChannel channel, int partition) {
			this.channel = channel;
			this.partition = partition;
		}

		@Override
		public void accepted(long idHash, int centre, long line, int scheme, int contribution) {
			if (this.buffer.remaining() < SpilledRow.BYTES) {
				flush();
			}
			SpilledRow.write(this.buffer, idHash, line, centre, scheme, this.partition, contribution);
			this.rows++;
		}

		@Override
		public void end(List<String> schemes) {
			flush();
			int size = 4;
			List<byte[]> names = new ArrayList<>();
			for (String scheme : schemes) {
				byte[] name = scheme.getBytes(StandardCharsets.UTF_8);
				names.add(name);
				size += 2 + name.length;
			}
			ByteBuffer tail = ByteBuffer.allocate(size + FOOTER_BYTES);
			tail.putInt(names.size());
			names.forEach(name -> tail.putShort((short) name.length).put(name));
			tail.putLong(this.rows).putLong(this.rows * SpilledRow.BYTES).putLong(MAGIC);
			tail.flip();
			try {
				while (tail.hasRemaining()) {
					this.channel.write(tail);
				}
				this.channel.force(false);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("écriture impossible du fichier de travail de la recherche des doublons", ex);
			}
		}

		private void flush() {
			this.buffer.flip();
			try {
				while (this.buffer.hasRemaining()) {
					this.channel.write(this.buffer);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("écriture impossible du fichier de travail de la recherche des doublons", ex);
			}
			this.buffer.clear();
		}

		@Override
		public void close() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("fermeture impossible du fichier de travail de la recherche des doublons", ex);
			}
		}

	}

}
