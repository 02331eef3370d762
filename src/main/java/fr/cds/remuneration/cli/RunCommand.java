package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.input.InputEncoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code run}: the annual payment job for one exercice. */
@Component
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Run the annual payment job for an exercice.",
				"Computes every centre and writes statements, regional summary, payment file, rejects and",
				"run report to <output>/<exercice>/.",
				"A failed run restarts where it stopped when launched again with the same inputs;",
				"once an exercice is completed, any second annual run of it is refused (exit code 5):",
				"nothing is paid twice; a change after payment goes through 'reprocess'." })
public class RunCommand implements Callable<Integer> {

	private final AnnualRunLauncher launcher;

	@Option(names = "--exercice", required = true, description = "Year of activity N (paid in N+1).")
	int exercice;

	@Option(names = "--input", required = true,
			description = "Directory holding centres.csv, declarations.csv and patients.csv.")
	Path input;

	@Option(names = "--output", defaultValue = "output", description = "Output directory (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--extraction-date", required = true,
			description = "Date the insurer's patient extract was taken (yyyy-mm-dd).")
	LocalDate extractionDate;

	@Option(names = "--pdf", description = "Also write each statement as PDF (about a tenth of a second per centre).")
	boolean pdf;

	@Mixin
	RuleSetOptions ruleSets;

	@Option(names = "--operator", description = { "Name of the operator launching the run (default: the OS user name).",
			"Its payment lines are then approved by another operator ('approve')." })
	String operator;

	@Option(names = "--input-encoding", defaultValue = "UTF-8", converter = EncodingConverter.class,
			description = { "Encoding of the input files: UTF-8 (default) or windows-1252 (also for Latin-1 files).",
					"A declaration the files' bytes contradict is refused." })
	InputEncoding inputEncoding;

	public RunCommand(AnnualRunLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		return Outcomes.report(this.launcher.launch(new AnnualRunLauncher.Request(this.exercice, this.input,
				this.output, this.ruleSets.rules, this.ruleSets.ruleSet(), this.extractionDate, this.pdf,
				this.inputEncoding), this.operator));
	}

	/** Reads {@code --input-encoding}; an unknown name is a usage error. */
	static final class EncodingConverter implements ITypeConverter<InputEncoding> {

		@Override
		public InputEncoding convert(String value) {
			return InputEncoding.parse(value)
				.orElseThrow(() -> new TypeConversionException("attendu : UTF-8 ou windows-1252"));
		}

	}

}
