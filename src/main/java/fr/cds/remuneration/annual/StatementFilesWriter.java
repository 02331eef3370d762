package fr.cds.remuneration.annual;

import java.nio.file.Path;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import fr.cds.remuneration.output.AtomicFiles;

/**
 * Writes each centre's statement, {@code statements/<FINESS>.csv}, {@code .html} and {@code .pdf}
 * when there is one, each file under a temporary name then renamed. The file name comes from the
 * validated FINESS of the result; each file holds that centre's data only.
 */
public class StatementFilesWriter implements ItemWriter<RenderedStatement> {

	private final Path directory;

	public StatementFilesWriter(Path directory) {
		this.directory = directory;
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
		AtomicFiles.write(this.directory.resolve(name), out -> out.write(content));
	}

}
