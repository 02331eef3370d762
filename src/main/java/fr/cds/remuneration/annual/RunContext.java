package fr.cds.remuneration.annual;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import fr.cds.remuneration.common.Checksums;
import fr.cds.remuneration.input.InputFile;

/**
 * Run id, parameters and output directory of the step being executed.
 *
 * @param outputDirectory where the run writes: {@code <output>/<exercice>/} for the annual run,
 * or the directory a job chose in its execution context (a re-processing writes under
 * {@code regularisations/})
 * @param inputDigest what the launcher's pass over the input files found, when it launched the job
 */
public record RunContext(long runId, AnnualRun run, Path outputDirectory, Optional<InputDigest> inputDigest) {

	/** Key of the job execution context under which a job names its own output directory. */
	public static final String OUTPUT_DIRECTORY = "run.outputDirectory";

	/** SHA-256 of one input file: the launcher's when it launched the run, otherwise computed now. */
	public String fileChecksum(InputFile file) {
		String known = this.inputDigest.map(d -> d.fileChecksums().get(file)).orElse(null);
		return known != null ? known : Checksums.sha256(this.run.input(file));
	}

	/** The run id is the job instance id: a restart keeps the data of the failed execution. */
	public static RunContext of(StepExecution stepExecution) {
		AnnualRun run = AnnualRun.from(stepExecution.getJobParameters());
		ExecutionContext job = stepExecution.getJobExecution().getExecutionContext();
		Path output = job.containsKey(OUTPUT_DIRECTORY) ? Path.of(job.getString(OUTPUT_DIRECTORY))
				: run.exerciceOutputDir();
		return new RunContext(stepExecution.getJobExecution().getJobInstanceId(), run, output,
				InputDigest.from(stepExecution.getJobParameters(), run.inputChecksum()));
	}

}
