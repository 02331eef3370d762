package fr.cds.remuneration.annual;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.RuleSetChoice;
import fr.cds.remuneration.run.ExerciceJobLauncher;

/**
 * The parameters of an annual run. The identifying ones are the exercice, the rule set
 * ({@code id@version}) and the checksum of the inputs: the same completed inputs cannot be paid
 * twice, and a failed run with the same inputs restarts where it stopped.
 *
 * @param inputChecksum SHA-256 over the SHA-256 of each input file
 * @param rulesLocation directory of the rule-set files, or the built-in ones
 * @param extractionDate date the insurer's patient extract was taken
 * @param pdf whether statements are also written as PDF (slower: opt-in for a national run)
 * @param inputEncoding encoding of the input files; not identifying: the launcher accepts a
 * declared encoding only when it reads the files as their bytes say, so every accepted
 * declaration reads the same content
 */
public record AnnualRun(int exercice, String ruleSet, String inputChecksum, Path inputDir, Path outputDir,
		String rulesLocation, LocalDate extractionDate, boolean pdf, InputEncoding inputEncoding)
		implements RuleSetChoice {

	public static final String EXERCICE = ExerciceJobLauncher.EXERCICE;

	public static final String RULE_SET = "ruleSet";

	public static final String INPUT_CHECKSUM = "inputChecksum";

	public static final String INPUT_DIR = "inputDir";

	public static final String OUTPUT_DIR = "outputDir";

	public static final String RULES_LOCATION = "rulesLocation";

	public static final String EXTRACTION_DATE = "extractionDate";

	public static final String PDF = "pdf";

	public static final String INPUT_ENCODING = "inputEncoding";

	/** A run on UTF-8 inputs, the documented format. */
	public AnnualRun(int exercice, String ruleSet, String inputChecksum, Path inputDir, Path outputDir,
			String rulesLocation, LocalDate extractionDate, boolean pdf) {
		this(exercice, ruleSet, inputChecksum, inputDir, outputDir, rulesLocation, extractionDate, pdf,
				InputEncoding.UTF_8);
	}

	public JobParameters toJobParameters() {
		return new JobParametersBuilder().addLong(EXERCICE, (long) this.exercice, true)
			.addString(RULE_SET, this.ruleSet, true)
			.addString(INPUT_CHECKSUM, this.inputChecksum, true)
			.addString(INPUT_DIR, this.inputDir.toAbsolutePath().normalize().toString(), false)
			.addString(OUTPUT_DIR, this.outputDir.toAbsolutePath().normalize().toString(), false)
			.addString(RULES_LOCATION, this.rulesLocation, false)
			.addLocalDate(EXTRACTION_DATE, this.extractionDate, false)
			.addString(PDF, String.valueOf(this.pdf), false)
			.addString(INPUT_ENCODING, this.inputEncoding.label(), false)
			.toJobParameters();
	}

	public static AnnualRun from(JobParameters parameters) {
		return new AnnualRun(Math.toIntExact(Objects.requireNonNull(parameters.getLong(EXERCICE))),
				parameters.getString(RULE_SET), parameters.getString(INPUT_CHECKSUM),
				Path.of(parameters.getString(INPUT_DIR)), Path.of(parameters.getString(OUTPUT_DIR)),
				parameters.getString(RULES_LOCATION), parameters.getLocalDate(EXTRACTION_DATE),
				Boolean.parseBoolean(parameters.getString(PDF, "false")), encoding(parameters.getString(INPUT_ENCODING)));
	}

	private static InputEncoding encoding(String name) {
		return name == null ? InputEncoding.UTF_8 : InputEncoding.parse(name)
			.orElseThrow(() -> new IllegalArgumentException("encodage d'entrée inconnu '" + name + "'"));
	}

	public Path input(InputFile file) {
		return this.inputDir.resolve(file.fileName());
	}

	/** Where this exercice's outputs go: {@code <output>/<exercice>/}. */
	public Path exerciceOutputDir() {
		return this.outputDir.resolve(String.valueOf(this.exercice));
	}

}
