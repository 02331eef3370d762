package fr.cds.remuneration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
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
class OperatorRefusalsTest extends OperatorConsoleFixture {

	@Test
	void usageErrorsExitWithTwo() {
		assertThat(cds("run", "--exercice").exitCode()).isEqualTo(2);
		assertThat(cds("run", "--exercice", EXERCICE, "--input", SMALL.toString(), "--extraction-date", "2025-13-45")
			.exitCode()).isEqualTo(2);
		assertThat(cds("run", "--no-such-option").exitCode()).isEqualTo(2);
		assertThat(cds("no-such-command").exitCode()).isEqualTo(2);
	}

	@Test
	void anOutputDirectoryThatCannotBeCreatedIsRefusedBeforeTheInputsAreRead() throws IOException {
		// inputs that would be refused (exit 3) if they were read first
		Path emptyInput = Files.createDirectories(this.work.resolve("empty-input"));
		Path aFile = Files.writeString(this.work.resolve("a-file"), "not a directory");

		CommandLineRun run = cds(annualRun(emptyInput, aFile.resolve("output")));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE.code());
		assertOneFrenchLine(run.err()).contains("Répertoire de sortie").contains("--output");
	}

	@Test
	void anInputThatIsADirectoryIsNamedInOneLine() throws IOException {
		Path input = smallInputs("input");
		Path patients = input.resolve(InputFile.PATIENTS.fileName());
		Files.delete(patients);
		Files.createDirectories(patients);

		CommandLineRun run = cds(annualRun(input, this.work.resolve("output")));

		assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.INPUT_REFUSED.code());
		assertOneFrenchLine(run.err()).startsWith("patients.csv : ").contains("est un répertoire, pas un fichier");
	}

	private static org.assertj.core.api.AbstractStringAssert<?> assertOneFrenchLine(String err) {
		assertThat(err.strip()).as("one line").doesNotContain("\n").doesNotContain("Exception");
		return assertThat(err.strip());
	}

}
