package fr.cds.remuneration.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.support.CommandLineRun;
import fr.cds.remuneration.support.OperatorFrench;

/**
 * What the tests of operators' answers share: the command line run in-process, a scratch
 * directory, copies of the small sample inputs to spoil, and the check that whatever a command
 * printed reads as French. Each test class keeps its own {@code @SpringBootTest} (its own
 * in-memory database), so that one class's completed runs never answer for another's.
 */
abstract class OperatorConsoleFixture {

	@Autowired
	CommandLineEntry cli;

	@TempDir
	Path work;

	/** The small sample inputs, of exercice {@link #EXERCICE}, extracted on {@link #EXTRACTION_DATE}. */
	static final Path SMALL = Path.of("src/test/resources/annual/small");

	static final String EXERCICE = "2024";

	static final String EXTRACTION_DATE = "2025-02-14";

	/** Runs one command line of the application in-process. */
	CommandLineRun cds(String... args) {
		return CommandLineRun.of(this.cli, args);
	}

	/** A copy of every small sample input file in {@code work/<name>}, for a test to spoil one of them. */
	Path smallInputs(String name) {
		try {
			Path directory = Files.createDirectories(this.work.resolve(name));
			for (InputFile file : InputFile.values()) {
				Files.copy(SMALL.resolve(file.fileName()), directory.resolve(file.fileName()));
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The arguments of an annual run of the sample exercice on {@code input}, writing to {@code output}. */
	static String[] annualRun(Path input, Path output, String... more) {
		String[] base = { "run", "--exercice", EXERCICE, "--input", input.toString(), "--output", output.toString(),
				"--extraction-date", EXTRACTION_DATE };
		return concat(base, more);
	}

	static String[] concat(String[] first, String... more) {
		String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}

	/** Fails when what {@code run} printed (its own lines and our classes' log lines) reads as English. */
	static void assertPrintedInFrench(String what, CommandLineRun run) {
		OperatorFrench.assertFrench(what, OperatorFrench.printed(run.out() + "\n" + run.err()));
	}

}
