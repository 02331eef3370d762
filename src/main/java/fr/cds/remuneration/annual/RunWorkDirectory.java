package fr.cds.remuneration.annual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a run keeps its temporary files (the duplicate search's spills and sorted runs): a
 * directory per run under {@code cds.work-dir}, by default {@code <output>/.work}, on the same
 * disk as the outputs rather than in a temporary file system that may be memory. The files
 * survive a crash, so that a restart finds them, and are deleted once the duplicate search is done.
 */
@Component
public class RunWorkDirectory {

	private final String configured;

	public RunWorkDirectory(@Value("${cds.work-dir:}") String configured) {
		this.configured = configured;
	}

	/** The run's directory (not created). */
	public Path of(RunContext context) {
		Path base = this.configured.isBlank() ? context.run().outputDir().resolve(".work") : Path.of(this.configured);
		return base.resolve("exercice-" + context.run().exercice() + "-run-" + context.runId());
	}

	/** The spill file of a partition of the patient extract. */
	public Path patientSpill(RunContext context, int partition) {
		return of(context).resolve("patients-" + partition + ".spill");
	}

	/**
	 * Deletes the run's directory and what it holds; then the default {@code <output>/.work} if
	 * nothing else is in it (a configured directory is the operator's, and stays).
	 */
	public void delete(RunContext context) {
		Path directory = of(context);
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
			if (this.configured.isBlank()) {
				try (Stream<Path> others = Files.list(directory.getParent())) {
					if (others.findAny().isEmpty()) {
						Files.delete(directory.getParent());
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("suppression impossible du répertoire de travail " + directory, ex);
		}
	}

}
