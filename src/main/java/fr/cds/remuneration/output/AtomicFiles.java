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
		createDirectory(target.getParent());
		writeInExistingDirectory(target, content);
	}

	/** The directory and its parents, when they do not exist yet. */
	public static void createDirectory(Path directory) {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("création impossible du répertoire " + directory, ex);
		}
	}

	/**
	 * As {@link #write}, in a directory the caller has already created: a writer of thousands of
	 * files in one directory (the statements) saves a directory check per file (a failed
	 * {@code mkdir} and the exception the JDK makes of it, then a {@code stat}).
	 */
	public static void writeInExistingDirectory(Path target, Content content) {
		Path temporary = target.resolveSibling(target.getFileName() + TEMPORARY_SUFFIX);
		try {
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
