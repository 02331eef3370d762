package fr.cds.remuneration.partitioning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many partitions the patient extract is read in: one per core by default
 * ({@code cds.extract.partitions}), but never smaller than {@code cds.extract.min-partition-bytes}
 * (64 MB, about 600,000 rows), so that a small extract stays whole.
 */
@Component
public class ExtractPartitioning {

	/** The smallest partition unless {@code cds.extract.min-partition-bytes} says otherwise: 64 MB. */
	public static final long DEFAULT_MIN_PARTITION_BYTES = 64L << 20;

	/**
	 * The worker step of {@code patientExtract}: one byte range of the patient extract, run by a
	 * thread of the run's process or by a worker process.
	 */
	public static final String PATIENT_EXTRACT_PARTITION = "patientExtractPartition";

	private static final Log logger = LogFactory.getLog(ExtractPartitioning.class);

	private final int configured;

	private final boolean asked;

	private final long minBytes;

	private final AtomicLong toldFor = new AtomicLong(-1);

	public ExtractPartitioning(@Value("${cds.extract.partitions:0}") int configured,
			@Value("${cds.extract.min-partition-bytes:" + DEFAULT_MIN_PARTITION_BYTES + "}") long minBytes) {
		this.asked = configured > 0;
		this.configured = this.asked ? configured : Runtime.getRuntime().availableProcessors();
		this.minBytes = Math.max(1, minBytes);
	}

	/**
	 * The number of partitions for this extract (1 when the file does not exist yet). When the
	 * operator asked for more partitions than the extract's size allows, says so once: a silent
	 * lowering would leave workers idle with no explanation.
	 */
	public int partitions(Path extract) {
		try {
			long size = Files.exists(extract) ? Files.size(extract) : 0;
			int partitions = (int) Math.max(1, Math.min(this.configured, size / this.minBytes));
			if (this.asked && partitions < this.configured && this.toldFor.getAndSet(size) != size) {
				logger.info(String.format(
						"Extrait patients lu en %d partition(s) et non %d (cds.extract.partitions) : %d octets, au moins"
								+ " %d octets par partition (cds.extract.min-partition-bytes)",
						partitions, this.configured, size, this.minBytes));
			}
			return partitions;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("taille illisible : " + extract, ex);
		}
	}

	/** The most partitions a run may have: the grid of the partitioned step. */
	public int gridSize() {
		return this.configured;
	}

}
