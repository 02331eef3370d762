package fr.cds.remuneration.annual;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemWriter;

import fr.cds.remuneration.output.AtomicFiles;

/**
 * Writes each centre's statement, {@code statements/<FINESS>.csv}, {@code .html} and {@code .pdf}
 * when there is one, each file under a temporary name then renamed. The file name comes from the
 * validated FINESS of the result; each file holds that centre's data only.
 */
public class StatementFilesWriter implements ItemWriter<RenderedStatement> {

	private final Path directory;

	/** Whether {@link #directory} exists: made before the first file. */
	private volatile boolean directoryMade;

	public StatementFilesWriter(Path directory) {
		this.directory = directory;
	}

	/** The writer of a step whose processor already wrote the files ({@link #afterRendering}). */
	public static final ItemWriter<RenderedStatement> ALREADY_WRITTEN = chunk -> {
	};

	/**
	 * The rendering followed by the writing of the files, on the thread that rendered them: the
	 * chunk's files are written while other threads render, instead of after the whole chunk. The
	 * files of a chunk are on disk before it commits, as with {@link #write(Chunk)}; a restart
	 * renders and writes them again, with the same bytes. Static: the step is built before its
	 * step-scoped writer exists; {@code files} is called when an item is processed.
	 */
	public static <I> ItemProcessor<I, RenderedStatement> afterRendering(ItemProcessor<I, RenderedStatement> rendering,
			StatementFilesWriter files) {
		return item -> {
			RenderedStatement statement = rendering.process(item);
			if (statement != null) {
				files.write(statement);
			}
			return statement;
		};
	}

	@Override
	public void write(Chunk<? extends RenderedStatement> chunk) {
		// distinct files: the chunk's statements are written on two threads or more at once
		chunk.getItems().parallelStream().forEach(this::write);
	}

	/** Writes one statement's files. Safe on several threads: each centre has its own files. */
	public void write(RenderedStatement statement) {
		write(statement.finess() + ".csv", statement.csv());
		write(statement.finess() + ".html", statement.html());
		if (statement.pdf() != null) {
			write(statement.finess() + ".pdf", statement.pdf());
		}
	}

	private void write(String name, byte[] content) {
		if (!this.directoryMade) {
			// once, not once per file; two threads may both make it: createDirectories accepts that
			AtomicFiles.createDirectory(this.directory);
			this.directoryMade = true;
		}
		AtomicFiles.writeInExistingDirectory(this.directory.resolve(name), out -> out.write(content));
	}

}
