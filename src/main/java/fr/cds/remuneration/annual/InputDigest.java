package fr.cds.remuneration.annual;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import fr.cds.remuneration.common.Checksums;
import fr.cds.remuneration.extract.ByteRange;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.InputFileScan;

/**
 * What one pass over the input files at launch finds, handed to the job as (non-identifying)
 * parameters so that the job reads no file twice: each file's SHA-256, their combination (the
 * run's identity), and the record boundaries that split the patient extract into partitions. The
 * extract of a national run is a gigabyte: hashing it once instead of three times saves seconds.
 *
 * @param patientBoundaries line starts between the extract's partitions (empty: one partition)
 * @param patientRangeChecksums SHA-256 of each partition's bytes, in the same pass: each partition
 * hashes the bytes it reads and compares (one more than the boundaries)
 * @param patientBytes the extract's size at launch: where the last partition ends
 */
public record InputDigest(String combined, Map<InputFile, String> fileChecksums, List<Long> patientBoundaries,
		List<String> patientRangeChecksums, long patientBytes) {

	static final String FILE_CHECKSUMS = "inputFileChecksums";

	static final String PATIENT_BOUNDARIES = "patientBoundaries";

	static final String PATIENT_RANGE_CHECKSUMS = "patientRangeChecksums";

	static final String PATIENT_BYTES = "patientBytes";

	/**
	 * Scans every input file once; with an encoding, also refuses a file that the encoding cannot
	 * read.
	 */
	public static InputDigest scan(Path inputDir, Optional<InputEncoding> encoding, int patientPartitions) {
		return of(file -> scan(inputDir, file, patientPartitions), encoding);
	}

	/** The digest of files already scanned by {@link #scans} (the launch's scan started ahead). */
	static InputDigest of(Map<InputFile, InputFileScan> scans, Optional<InputEncoding> encoding) {
		return of(scans::get, encoding);
	}

	/** Scans every input file once, as {@link #scan} does, without judging their encoding yet. */
	static Map<InputFile, InputFileScan> scans(Path inputDir, int patientPartitions) {
		Map<InputFile, InputFileScan> scans = new EnumMap<>(InputFile.class);
		for (InputFile file : InputFile.values()) {
			scans.put(file, scan(inputDir, file, patientPartitions));
		}
		return scans;
	}

	private static InputFileScan scan(Path inputDir, InputFile file, int patientPartitions) {
		Path path = inputDir.resolve(file.fileName());
		if (!Files.isRegularFile(path)) {
			throw new InputFileException(file.fileName(), 0,
					"fichier absent du répertoire d'entrée (" + path.toAbsolutePath() + ")");
		}
		return InputFileScan.of(path, file.fileName(), file == InputFile.PATIENTS ? patientPartitions : 1);
	}

	/** In the files' order: each file's scan (a missing file refused there), then its encoding. */
	private static InputDigest of(Function<InputFile, InputFileScan> scans, Optional<InputEncoding> encoding) {
		Map<InputFile, String> checksums = new EnumMap<>(InputFile.class);
		List<Long> boundaries = List.of();
		List<String> rangeChecksums = List.of();
		long patientBytes = 0;
		StringBuilder digests = new StringBuilder();
		for (InputFile file : InputFile.values()) {
			InputFileScan scan = scans.apply(file);
			encoding.ifPresent(e -> scan.requireReadable(file.fileName(), e));
			checksums.put(file, scan.sha256());
			if (file == InputFile.PATIENTS) {
				boundaries = Arrays.stream(scan.recordBoundaries()).boxed().toList();
				rangeChecksums = scan.rangeSha256();
				patientBytes = scan.size();
			}
			digests.append(file.fileName()).append('=').append(scan.sha256()).append('\n');
		}
		return new InputDigest(Checksums.sha256(digests.toString().getBytes(StandardCharsets.UTF_8)), checksums,
				boundaries, rangeChecksums, patientBytes);
	}

	void addTo(JobParametersBuilder parameters) {
		parameters
			.addString(FILE_CHECKSUMS,
					this.fileChecksums.entrySet()
						.stream()
						.map(e -> e.getKey().fileName() + "=" + e.getValue())
						.collect(Collectors.joining(",")),
					false)
			.addString(PATIENT_BOUNDARIES,
					this.patientBoundaries.stream().map(String::valueOf).collect(Collectors.joining(",")), false)
			.addString(PATIENT_RANGE_CHECKSUMS, String.join(",", this.patientRangeChecksums), false)
			.addLong(PATIENT_BYTES, this.patientBytes, false);
	}

	/** The digest the launcher computed, when the job was launched by it. */
	static Optional<InputDigest> from(JobParameters parameters, String combined) {
		String files = parameters.getString(FILE_CHECKSUMS);
		String boundaries = parameters.getString(PATIENT_BOUNDARIES);
		String ranges = parameters.getString(PATIENT_RANGE_CHECKSUMS);
		Long patientBytes = parameters.getLong(PATIENT_BYTES);
		if (files == null || boundaries == null || ranges == null || patientBytes == null) {
			return Optional.empty();
		}
		Map<InputFile, String> checksums = new EnumMap<>(InputFile.class);
		for (String entry : files.split(",")) {
			String[] parts = entry.split("=", 2);
			Arrays.stream(InputFile.values())
				.filter(f -> f.fileName().equals(parts[0]))
				.findFirst()
				.ifPresent(f -> checksums.put(f, parts[1]));
		}
		List<Long> cuts = boundaries.isBlank() ? List.of()
				: Arrays.stream(boundaries.split(",")).map(Long::valueOf).toList();
		return Optional.of(new InputDigest(combined, checksums, cuts, List.of(ranges.split(",")), patientBytes));
	}

	/** The extract's partitions at launch: ranges between the boundaries, the last one up to the launch size. */
	List<ByteRange> patientRanges() {
		long size = this.patientBytes;
		List<ByteRange> ranges = new ArrayList<>();
		long start = 0;
		for (long boundary : this.patientBoundaries) {
			ranges.add(new ByteRange(start, boundary));
			start = boundary;
		}
		ranges.add(new ByteRange(start, size));
		return ranges;
	}

}
