package fr.cds.remuneration.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

	private static List<Entry> entries(Path directory) {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile)
				.map(directory::relativize)
				.filter(path -> !path.toString().equals(MANIFEST))
				.map(path -> new Entry(path.toString().replace('\\', '/'), Checksums.sha256(directory.resolve(path))))
				.sorted(Comparator.comparing(Entry::path))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("liste impossible du contenu de " + directory, ex);
		}
	}

}
