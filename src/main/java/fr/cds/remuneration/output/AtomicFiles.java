package fr.cds.remuneration.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes every output file to a temporary name and renames it when complete: after a crash an
 * output is either absent or whole, never half-written.
 */
public final class AtomicFiles {

	/** Suffix of files being written; a restart overwrites them. */
	public static final String TEMPORARY_SUFFIX = ".tmp";

	private AtomicFiles() {
	}

	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * Deletes the temporary files left under {@code directory} by a process killed while writing:
	 * by then every output they stood for has been written again under its final name.
	 *
	 * @return the files deleted, relative to {@code directory}
	 */
	public static List<Path> sweepTemporaries(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(directory)) {
			List<Path> temporaries = files.filter(Files::isRegularFile)
				.filter(file -> file.getFileName().toString().endsWith(TEMPORARY_SUFFIX))
				.toList();
			for (Path temporary : temporaries) {
				Files.deleteIfExists(temporary);
			}
			return temporaries.stream().map(directory::relativize).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("nettoyage impossible de " + directory, ex);
		}
	}

	public static void write(Path target, Content content) {
		Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY_SUFFIX);
		try {
			Files.createDirectories(target.getParent());
			try (OutputStream out = Files.newOutputStream(temporary)) {
				content.writeTo(out);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("écriture impossible de " + target, ex);
		}
	}

}
