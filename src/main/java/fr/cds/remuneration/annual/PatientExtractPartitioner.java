package fr.cds.remuneration.annual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import fr.cds.remuneration.extract.ByteRange;

/**
 * Splits the patient extract into byte ranges that begin and end on record boundaries, one per
 * partition of the {@code patientExtract} step; each is then read, folded and stored on its own,
 * and restarts on its own. The boundaries come from the launcher's pass over the file when it
 * found them (the extract is not read again for this), otherwise from a pass of their own.
 */
public class PatientExtractPartitioner implements Partitioner {

	static final String PARTITION = "partition";

	static final String START = "start";

	static final String END = "end";

	private final Path extract;

	private final ExtractPartitioning partitioning;

	private final Optional<InputDigest> digest;

	public PatientExtractPartitioner(Path extract, ExtractPartitioning partitioning, Optional<InputDigest> digest) {
		this.extract = extract;
		this.partitioning = partitioning;
		this.digest = digest;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		try {
			long size = Files.size(this.extract);
			List<ByteRange> ranges = this.digest.isPresent() ? this.digest.get().patientRanges(size)
					: ByteRange.splitAtRecords(this.extract, this.partitioning.partitions(this.extract));
			Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
			for (int i = 0; i < ranges.size(); i++) {
				ExecutionContext context = new ExecutionContext();
				context.putInt(PARTITION, i);
				context.putLong(START, ranges.get(i).start());
				context.putLong(END, ranges.get(i).end());
				partitions.put("range" + i, context);
			}
			return partitions;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot split " + this.extract, ex);
		}
	}

}
