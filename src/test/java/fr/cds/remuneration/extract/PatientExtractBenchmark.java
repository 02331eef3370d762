package fr.cds.remuneration.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.support.SyntheticInputs;

/**
 * Measures the patient extract's hot path on a generated extract (never run by the tests): the
 * fold alone, the fold with the duplicate spill (what the job's extract step does), and the
 * duplicate search on that spill. Run with the memory of a national run:
 *
 * <pre>
 * mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     fr.cds.remuneration.extract.PatientExtractBenchmark [rows] [repetitions]
 * </pre>
 *
 * The extract ({@code target/benchmark/patients-<rows>.csv}, 3,000 centres, one row in 2,000
 * repeating the previous one) is generated on the first run.
 */
public final class PatientExtractBenchmark {

	private static final int CENTRES = 3000;

	private static final int DUPLICATE_EVERY = 2000;

	private PatientExtractBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long rows = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000;
		int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		Path directory = Path.of("target/benchmark");
		Path file = directory.resolve("patients-" + rows + ".csv");
		if (!Files.exists(file)) {
			Files.createDirectories(directory);
			SyntheticInputs.writePatients(file, CENTRES, rows, DUPLICATE_EVERY, 42);
		}
		KnownCentres centres = new KnownCentres(SyntheticInputs.finessList(CENTRES));
		PatientExtractAggregator aggregator = new PatientExtractAggregator(file, InputEncoding.UTF_8);
		ByteRange whole = new ByteRange(0, Files.size(file));
		Path spillFile = directory.resolve("patients-0.spill");
		System.out.printf("extract: %s, %,d bytes, %,d rows, %,d centres, max heap %,d MB%n", file, Files.size(file),
				rows, CENTRES, Runtime.getRuntime().maxMemory() >> 20);
		for (int i = 1; i <= repetitions; i++) {
			long start = System.nanoTime();
			PatientExtractAggregator.Result fold = aggregator.aggregate(whole, centres, r -> {
			}, ExtractProgress.unwatched(), AcceptedRowSink.NONE);
			report(i, "fold only", fold.rowsRead(), start);

			start = System.nanoTime();
			PatientExtractAggregator.Result spilled;
			try (FingerprintSpill.Writer spill = FingerprintSpill.create(spillFile, 0)) {
				spilled = aggregator.aggregate(whole, centres, r -> {
				}, ExtractProgress.unwatched(), spill);
			}
			report(i, "fold + spill", spilled.rowsRead(), start);

			start = System.nanoTime();
			FingerprintSpill.Contents contents = FingerprintSpill.open(spillFile, 0, spilled.accepted()).orElseThrow();
			DuplicateRemoval.Result removal = DuplicateRemoval.remove(List.of(contents), centres, Map.of(0, 0L),
					new DuplicateRowFinder(DuplicateRowFinder.DEFAULT_CHUNK_ROWS, directory), (p, r) -> {
					});
			report(i, "duplicate search (" + removal.rows() + " duplicates)", spilled.accepted(), start);
		}
		Files.deleteIfExists(spillFile);
	}

	private static void report(int repetition, String what, long rows, long start) {
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("run %d  %-40s %,12d rows  %6.2f s  %,12.0f rows/s%n", repetition, what, rows, seconds,
				rows / seconds);
	}

}
