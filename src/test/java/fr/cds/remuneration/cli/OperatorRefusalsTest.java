package fr.cds.remuneration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.support.CommandLineRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators get clear answers (issue 15 §8): usage errors exit 2 as documented (they exited 1),
 * an output directory that cannot be written is refused before any input is read, an input that
 * is a directory is named; each in one French line, without a stack trace.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:operator-refusals;DB_CLOSE_DELAY=-1")
class OperatorRefusalsTest {

	static final Path SMALL = Path.of("src/test/resources/annual/small");

	@Autowired
	CommandLineEntry cli;

	@TempDir
	Path work;

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(CommandLineRun.of(this.cli, "run", "--exercice").exitCode()).isEqualTo(2);
		assertThat(CommandLineRun.of(this.cli, "run", "--exercice", "2024", "--input", SMALL.toString(),
				"--extraction-date", "2025-13-45").exitCode()).isEqualTo(2);
		assertThat(CommandLineRun.of(this.cli, "run", "--no-such-option").exitCode()).isEqualTo(2);
		assertThat(CommandLineRun.of(this.cli, "no-such-command").exitCode()).isEqualTo(2);
	}

	@Test
	void anOutputDirectoryThatCannotBeCreatedIsRefusedBeforeTheInputsAreRead() throws IOException {
		// inputs that would be refused (exit 3) if they were read first
		Path emptyInput = Files.createDirectories(this.work.resolve("empty-input"));
		Path aFile = Files.writeString(this.work.resolve("a-file"), "not a directory");

		CommandLineRun run = CommandLineRun.of(this.cli, "run", "--exercice", "2024", "--input", emptyInput.toString(),
				"--output", aFile.resolve("output").toString(), "--extraction-date", "2025-02-14");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE.code());
		assertOneFrenchLine(run.err()).contains("Répertoire de sortie").contains("--output");
	}

	@Test
	void anInputThatIsADirectoryIsNamedInOneLine() throws IOException {
		Path input = Files.createDirectories(this.work.resolve("input"));
		for (InputFile file : InputFile.values()) {
			if (file == InputFile.PATIENTS) {
				Files.createDirectories(input.resolve(file.fileName()));
			}
			else {
				Files.copy(SMALL.resolve(file.fileName()), input.resolve(file.fileName()));
			}
		}

		CommandLineRun run = CommandLineRun.of(this.cli, "run", "--exercice", "2024", "--input", input.toString(),
				"--output", this.work.resolve("output").toString(), "--extraction-date", "2025-02-14");

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INPUT_REFUSED.code());
		assertOneFrenchLine(run.err()).startsWith("patients.csv : ").contains("est un répertoire, pas un fichier");
	}

	private static org.assertj.core.api.AbstractStringAssert<?> assertOneFrenchLine(String err) {
		assertThat(err.strip()).as("one line").doesNotContain("\n").doesNotContain("Exception");
		return assertThat(err.strip());
	}

}
