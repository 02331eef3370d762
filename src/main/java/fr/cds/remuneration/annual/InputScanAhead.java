package fr.cds.remuneration.annual;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileScan;
import fr.cds.remuneration.partitioning.ExtractPartitioning;

/**
 * The launch's pass over the input files of a run, started on its own thread as the process starts,
 * while the JVM and Spring start on the main thread (a second of reading and hashing on a national
 * extract, which the start would otherwise wait for). The launcher takes it instead of scanning,
 * when it was started for the same directory and the same number of partitions; otherwise, or if it
 * failed, the launcher scans as before and reports what it finds.
 * <p>
 * Money safety is the launch scan's: the digest is of the bytes read, and every step that reads a
 * file again hashes what it reads and compares (exit 7 when an input changed since); the scan ahead
 * read them a few seconds earlier, nothing else differs.
 */
public final class InputScanAhead {

	private static final AtomicReference<Ahead> AHEAD = new AtomicReference<>();

	private InputScanAhead() {
	}

	/**
	 * Starts scanning {@code inputDir} for a run with the default partitioning (a configured
	 * {@code cds.extract.partitions} the launcher finds different makes it scan again).
	 */
	public static void start(Path inputDir) {
		Path dir = inputDir.toAbsolutePath().normalize();
		int partitions = new ExtractPartitioning(0, ExtractPartitioning.DEFAULT_MIN_PARTITION_BYTES)
			.partitions(dir.resolve(InputFile.PATIENTS.fileName()));
		FutureTask<Map<InputFile, InputFileScan>> scans = new FutureTask<>(() -> InputDigest.scans(dir, partitions));
		if (AHEAD.compareAndSet(null, new Ahead(dir, partitions, scans))) {
			Thread thread = new Thread(scans, "input-scan-ahead");
			thread.setDaemon(true);
			thread.start();
		}
	}

	/** The scans started ahead for these inputs and partitions, once; empty if none or if they failed. */
	static Optional<Map<InputFile, InputFileScan>> take(Path inputDir, int patientPartitions) {
		Ahead ahead = AHEAD.getAndSet(null);
		if (ahead == null) {
			return Optional.empty();
		}
		if (!ahead.inputDir().equals(inputDir.toAbsolutePath().normalize())
				|| ahead.patientPartitions() != patientPartitions) {
			ahead.scans().cancel(true);
			return Optional.empty();
		}
		try {
			return Optional.of(ahead.scans().get());
		}
		catch (ExecutionException ex) {
			// a missing or unreadable file: the launcher's own scan refuses it with its message
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private record Ahead(Path inputDir, int patientPartitions, FutureTask<Map<InputFile, InputFileScan>> scans) {
	}

}
