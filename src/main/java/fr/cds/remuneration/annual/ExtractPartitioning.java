package fr.cds.remuneration.annual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many partitions the patient extract is read in: one per core by default
 * ({@code cds.extract.partitions}), but never smaller than {@code cds.extract.min-partition-bytes}
 * (64 MB, about 600,000 rows), so that a small extract stays whole.
 */
@Component
public class ExtractPartitioning {

	private final int configured;

	private final long minBytes;

	public ExtractPartitioning(@Value("${cds.extract.partitions:0}") int configured,
			@Value("${cds.extract.min-partition-bytes:67108864}") long minBytes) {
		this.configured = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
		this.minBytes = Math.max(1, minBytes);
	}

	/** The number of partitions for this extract (1 when the file does not exist yet). */
	public int partitions(Path extract) {
		try {
			long size = Files.exists(extract) ? Files.size(extract) : 0;
			return (int) Math.max(1, Math.min(this.configured, size / this.minBytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the size of " + extract, ex);
		}
	}

	/** The most partitions a run may have: the grid of the partitioned step. */
	public int gridSize() {
		return this.configured;
	}

}
