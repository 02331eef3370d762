package fr.cds.remuneration.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import fr.cds.remuneration.common.Checksums;

/**
 * Writes {@code manifest.sha256}, last, once every other output of the run is complete: one line
 * per output file with its SHA-256, in the format of {@code sha256sum}, so that whoever receives
 * the outputs checks them with {@code sha256sum -c manifest.sha256}. Its presence says the run
 * completed; a file it does not list, or whose checksum differs, is not an output of that run.
 */
public final class ManifestWriter {

	public static final String MANIFEST = "manifest.sha256";

	private ManifestWriter() {
	}

	/** One output file and its checksum; {@code path} is relative to the run's directory, with {@code /}. */
	public record Entry(String path, String sha256) {
	}

	/** Removes temporary leftovers, then lists and checksums every file under {@code directory}. */
	public static List<Entry> write(Path directory) {
		AtomicFiles.sweepTemporaries(directory);
		List<Entry> entries = entries(directory);
		StringBuilder manifest = new StringBuilder();
		entries.forEach(entry -> manifest.append(entry.sha256()).append("  ").append(entry.path()).append('\n'));
		AtomicFiles.write(directory.resolve(MANIFEST), out -> out.write(manifest.toString().getBytes(StandardCharsets.UTF_8)));
		return entries;
	}

	/**
	 * Every file's checksum, in the order of their paths. The files are hashed on every core (issue
	 * 21: a national run's 6,000 small files took 0.4 s on one thread, mostly opening and reading
	 * them); the stream keeps the sorted paths' order, so the manifest is the one-thread one.
	 */
	private static List<Entry> entries(Path directory) {
		List<String> paths;
		try (Stream<Path> files = Files.walk(directory)) {
			paths = files.filter(Files::isRegularFile)
				.map(directory::relativize)
				.filter(path -> !path.toString().equals(MANIFEST))
				.map(path -> path.toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("liste impossible du contenu de " + directory, ex);
		}
		return paths.parallelStream().map(path -> new Entry(path, Checksums.sha256(directory.resolve(path)))).toList();
	}

}
