package fr.cds.remuneration.reprocess;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import fr.cds.remuneration.annual.AnnualRun;

/**
 * The parameters of a re-processing. Identifying: the exercice, the rule set to apply
 * ({@code id@version}), the annual run whose snapshot it starts from, the centres it is limited to
 * and the checksum of the corrected inputs: the same re-processing cannot run twice, and a failed
 * one restarts where it stopped.
 *
 * <p>The job parameters include those of an {@link AnnualRun} (the corrected inputs in the place
 * of the annual inputs), so that a dispute's corrected inputs go through the very steps that read
 * and validate the annual inputs.
 *
 * @param centres the FINESS the re-processing is limited to, sorted; empty for every centre
 * @param correctedInputDir directory of the corrected inputs of a dispute, if any
 * @param correctedInputChecksum SHA-256 of the corrected inputs, {@value #NO_CORRECTED_INPUTS} without
 * @param extractionDate date of the corrected patient extract; without corrected inputs, that of
 * the annual run (each centre keeps the date of the extract its inputs come from)
 * @param label a readable name for the output directory, if any
 */
public record ReprocessRun(int exercice, String ruleSet, long baseRunId, List<String> centres,
		Optional<Path> correctedInputDir, String correctedInputChecksum, LocalDate extractionDate, Path outputDir,
		String rulesLocation, Optional<String> label) {

	public static final String BASE_RUN_ID = "baseRunId";

	public static final String CENTRES = "centres";

	public static final String LABEL = "label";

	/** Checksum parameter of a re-processing without corrected inputs. */
	public static final String NO_CORRECTED_INPUTS = "none";

	/** Centres parameter of a re-processing of every centre. */
	private static final String ALL_CENTRES = "*";

	public ReprocessRun {
		centres = centres.stream().sorted().distinct().toList();
	}

	public boolean hasCorrectedInputs() {
		return this.correctedInputDir.isPresent();
	}

	/** The run seen as an annual run over the corrected inputs: what the shared input steps read. */
	public AnnualRun asAnnualRun() {
		return new AnnualRun(this.exercice, this.ruleSet, this.correctedInputChecksum,
				this.correctedInputDir.orElse(Path.of("")), this.outputDir, this.rulesLocation, this.extractionDate, false);
	}

	public JobParameters toJobParameters() {
		return new JobParametersBuilder(asAnnualRun().toJobParameters()).addLong(BASE_RUN_ID, this.baseRunId, true)
			.addString(CENTRES, this.centres.isEmpty() ? ALL_CENTRES : String.join(",", this.centres), true)
			.addString(LABEL, this.label.orElse(""), false)
			.toJobParameters();
	}

	public static ReprocessRun from(JobParameters parameters) {
		AnnualRun run = AnnualRun.from(parameters);
		String centres = parameters.getString(CENTRES);
		String label = parameters.getString(LABEL);
		return new ReprocessRun(run.exercice(), run.ruleSet(), parameters.getLong(BASE_RUN_ID),
				ALL_CENTRES.equals(centres) ? List.of() : List.of(centres.split(",")),
				NO_CORRECTED_INPUTS.equals(run.inputChecksum()) ? Optional.empty() : Optional.of(run.inputDir()),
				run.inputChecksum(), run.extractionDate(), run.outputDir(), run.rulesLocation(),
				label == null || label.isEmpty() ? Optional.empty() : Optional.of(label));
	}

	/**
	 * Where the re-processing writes: {@code <output>/<exercice>/regularisations/R<run id>[-<label>]/}.
	 * The run id is only known once the job instance exists, and a restart keeps it.
	 */
	public Path outputDirectory(long runId) {
		return this.outputDir.resolve(String.valueOf(this.exercice))
			.resolve("regularisations")
			.resolve("R" + runId + this.label.map(l -> "-" + l).orElse(""));
	}

}
