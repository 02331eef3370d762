package fr.cds.remuneration.annual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import fr.cds.remuneration.extract.ByteRange;

/**
 * Splits the patient extract into byte ranges that begin and end on record boundaries, one per
 * partition of the {@code patientExtract} step. Each partition is then read, folded and stored on
 * its own, and restarts on its own. Small extracts stay whole: a partition is at least
 * {@code minBytes}, so the split never costs more than it saves.
 */
public class PatientExtractPartitioner implements Partitioner {

	static final String PARTITION = "partition";

	static final String START = "start";

	static final String END = "end";

	private final Path extract;

	private final long minBytes;

	public PatientExtractPartitioner(Path extract, long minBytes) {
		this.extract = extract;
		this.minBytes = minBytes;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		try {
			long size = java.nio.file.Files.size(this.extract);
			int count = (int) Math.max(1, Math.min(gridSize, size / Math.max(1, this.minBytes)));
			List<ByteRange> ranges = ByteRange.splitAtRecords(this.extract, count);
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
