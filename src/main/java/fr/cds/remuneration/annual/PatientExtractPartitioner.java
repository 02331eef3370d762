package fr.cds.remuneration.annual;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import fr.cds.remuneration.extract.ByteRange;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileScan;
import fr.cds.remuneration.partitioning.ExtractPartitioning;

/**
 * Splits the patient extract into byte ranges that begin and end on record boundaries, one per
 * partition of the {@code patientExtract} step; each is then read, folded and stored on its own,
 * and restarts on its own. The boundaries come from the launcher's pass over the file when it
 * found them (the extract is not read again for this), otherwise from a pass of their own. Each
 * partition also gets the SHA-256 of its range's bytes from that pass, and the extract's size:
 * it reads exactly those bytes or stops the run.
 */
public class PatientExtractPartitioner implements Partitioner {

	static final String PARTITION = "partition";

	static final String START = "start";

	static final String END = "end";

	/** SHA-256 of the range's bytes at launch: the partition compares what it reads with it. */
	static final String SHA256 = "sha256";

	/** The extract's size at launch. */
	static final String FILE_BYTES = "fileBytes";

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
		InputDigest launch = this.digest.orElseGet(this::scan);
		List<ByteRange> ranges = launch.patientRanges();
		List<String> checksums = launch.patientRangeChecksums();
		if (checksums.size() != ranges.size()) {
			throw new IllegalStateException("le lancement a fourni " + checksums.size() + " empreintes de plages pour "
					+ ranges.size() + " plages de l'extrait patients");
		}
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		for (int i = 0; i < ranges.size(); i++) {
			ExecutionContext context = new ExecutionContext();
			context.putInt(PARTITION, i);
			context.putLong(START, ranges.get(i).start());
			context.putLong(END, ranges.get(i).end());
			context.putString(SHA256, checksums.get(i));
			context.putLong(FILE_BYTES, launch.patientBytes());
			partitions.put("range" + i, context);
		}
		return partitions;
	}

	/** A job launched without the launcher's digest (tests, tools): the extract's own pass. */
	private InputDigest scan() {
		InputFileScan scan = InputFileScan.of(this.extract, InputFile.PATIENTS.fileName(),
				this.partitioning.partitions(this.extract));
		return new InputDigest(scan.sha256(), Map.of(InputFile.PATIENTS, scan.sha256()),
				Arrays.stream(scan.recordBoundaries()).boxed().toList(), scan.rangeSha256(), scan.size());
	}

}
