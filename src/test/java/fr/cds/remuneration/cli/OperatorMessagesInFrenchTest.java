package fr.cds.remuneration.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.support.CommandLineRun;
import fr.cds.remuneration.support.OperatorFrench;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operators' mistakes, and what the application answers to each, in French: a command line picocli
 * cannot parse (its own messages are English), an exercice no rule set covers, an input directory
 * that is missing, an execution that does not exist, a run launched twice, a run whose inputs were
 * refused. Whatever the command prints, and whatever the application's classes log, is checked (the
 * bad-input corpus checks every input case the same way, see BadInputCorpusTest).
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:operator-french;DB_CLOSE_DELAY=-1",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
@ExtendWith(OutputCaptureExtension.class)
class OperatorMessagesInFrenchTest extends OperatorConsoleFixture {

	@Test
	void everyMistakeIsAnsweredInFrench(CapturedOutput logs) throws IOException {
		String input = SMALL.toString();
		String output = this.work.resolve("output").toString();
		Path unreadable = smallInputs("unreadable");
		Files.writeString(unreadable.resolve(InputFile.DECLARATIONS.fileName()), "finess,exercice,indicateur,valeur\n");
		List<String[]> mistakes = List.of(
				new String[] { "run", "--exercice" },
				new String[] { "run", "--exercice", "deux-mille", "--input", input, "--extraction-date", "2025-02-14" },
				new String[] { "run", "--exercice", "2024", "--input", input, "--extraction-date", "2025-13-45" },
				new String[] { "run", "--exercice", "2024", "--extraction-date", "2025-02-14" },
				new String[] { "run", "--no-such-option" },
				new String[] { "no-such-command" },
				new String[] { "run", "--exercice", "2024", "--input", input, "--output", output, "--extraction-date",
						"2025-02-14", "--input-encoding", "ebcdic" },
				new String[] { "run", "--exercice", "1990", "--input", input, "--output", output, "--extraction-date",
						"1991-02-14" },
				new String[] { "run", "--exercice", "2024", "--input", this.work.resolve("nowhere").toString(), "--output",
						output, "--extraction-date", "2025-02-14" },
				new String[] { "run", "--exercice", "2024", "--input", unreadable.toString(), "--output", output,
						"--extraction-date", "2025-02-14" },
				new String[] { "run", "--exercice", "2024", "--input", input, "--output", output, "--extraction-date",
						"2030-02-14" },
				new String[] { "restart", "999999" },
				new String[] { "recover", "999999" },
				new String[] { "runs", "--exercice", "1990" },
				new String[] { "run", "--exercice", "2024", "--input", input, "--output", output, "--extraction-date",
						"2025-02-14" },
				new String[] { "run", "--exercice", "2024", "--input", input, "--output", output, "--extraction-date",
						"2025-02-14" });
		List<Integer> codes = new ArrayList<>();
		for (String[] mistake : mistakes) {
			CommandLineRun run = cds(mistake);
			codes.add(run.exitCode());
			assertPrintedInFrench(String.join(" ", mistake), run);
		}
		OperatorFrench.assertFrench("the application's log lines", OperatorFrench.ourLines(logs.getAll()));
		// what each mistake is, so that the test cannot pass by printing nothing: usage 2, inputs 3, rules 4,
		// a completed run (0: its one rejected patient row, of a centre absent from centres.csv, is below the raised
		// limit) then the same run again (5)
		assertThat(codes).containsExactly(2, 2, 2, 2, 2, 2, 2, 4, 3, 3, 3, 2, 2, 0, 0, 5);
	}

}
