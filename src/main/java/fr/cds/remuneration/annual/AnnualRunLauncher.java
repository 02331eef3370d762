package fr.cds.remuneration.annual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.cli.ExitCode;
import fr.cds.remuneration.common.Checksums;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.InputFileScan;
import fr.cds.remuneration.output.ManifestWriter;
import fr.cds.remuneration.rules.RuleSetException;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.run.ExerciceLock;
import fr.cds.remuneration.run.JobOutcome;

/**
 * Launches (or restarts) the annual job for an exercice and says how it ended, with the exit code
 * and an operator's message. Checks what can be checked before launching: the rule set and the
 * presence of the input files, whose checksums identify the run.
 */
@Component
public class AnnualRunLauncher {

	private static final Log logger = LogFactory.getLog(AnnualRunLauncher.class);

	private final JobOperator jobOperator;

	private final Job annualPaymentJob;

	private final RuleSetCatalog catalog;

	private final JobRepository jobRepository;

	private final ExerciceLock exerciceLock;

	public AnnualRunLauncher(JobOperator jobOperator, Job annualPaymentJob, RuleSetCatalog catalog,
			JobRepository jobRepository, ExerciceLock exerciceLock) {
		this.jobOperator = jobOperator;
		this.annualPaymentJob = annualPaymentJob;
		this.catalog = catalog;
		this.jobRepository = jobRepository;
		this.exerciceLock = exerciceLock;
	}

	/** How a launch ended. */
	public record Outcome(ExitCode exitCode, String message, JobExecution execution) {
	}

	/**
	 * What the operator asked for.
	 *
	 * @param pdf whether to write the statements as PDF too
	 * @param inputEncoding the encoding the operator declares for the input files
	 */
	public record Request(int exercice, Path inputDir, Path outputDir, String rulesLocation,
			Optional<String> ruleSet, LocalDate extractionDate, boolean pdf, InputEncoding inputEncoding) {

		/** A request without PDF statements, on UTF-8 inputs. */
		public Request(int exercice, Path inputDir, Path outputDir, String rulesLocation, Optional<String> ruleSet,
				LocalDate extractionDate) {
			this(exercice, inputDir, outputDir, rulesLocation, ruleSet, extractionDate, false);
		}

		/** A request on UTF-8 inputs, the documented format. */
		public Request(int exercice, Path inputDir, Path outputDir, String rulesLocation, Optional<String> ruleSet,
				LocalDate extractionDate, boolean pdf) {
			this(exercice, inputDir, outputDir, rulesLocation, ruleSet, extractionDate, pdf, InputEncoding.UTF_8);
		}

	}

	public Outcome launch(Request request) {
		AnnualRun run;
		try {
			RuleSet ruleSet = this.catalog.repository(request.rulesLocation())
				.forExercice(request.exercice(), request.ruleSet());
			run = new AnnualRun(request.exercice(), ruleSet.reference(),
					inputChecksum(request.inputDir(), Optional.of(request.inputEncoding())), request.inputDir(),
					request.outputDir(), request.rulesLocation(), request.extractionDate(), request.pdf(),
					request.inputEncoding());
		}
		catch (RuleSetException ex) {
			return new Outcome(ExitCode.RULES_REFUSED, ex.getMessage(), null);
		}
		catch (InputFileException ex) {
			return new Outcome(ExitCode.INPUT_REFUSED, ex.getMessage(), null);
		}
		Optional<ExerciceLock.Held> lock = this.exerciceLock.tryAcquire(run.exercice());
		if (lock.isEmpty()) {
			return new Outcome(ExitCode.ALREADY_RUNNING, "Exercice " + run.exercice()
					+ " is being processed by another process: refused. Wait for it to end, then check with 'runs'.",
					null);
		}
		try (ExerciceLock.Held held = lock.get()) {
			Optional<String> outputConflict = outputConflict(run);
			if (outputConflict.isPresent()) {
				return new Outcome(ExitCode.USAGE, outputConflict.get(), null);
			}
			recoverCrashedExecutions(run.exercice());
			logger.info("Launching " + AnnualPaymentJobConfiguration.JOB_NAME + " for exercice " + run.exercice()
					+ " under " + run.ruleSet() + " (inputs " + run.inputChecksum() + ")");
			JobExecution execution = this.jobOperator.start(this.annualPaymentJob, run.toJobParameters());
			return outcome(execution, run);
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			return new Outcome(ExitCode.ALREADY_COMPLETED, "Exercice " + run.exercice() + " was already computed under "
					+ run.ruleSet() + " from these same input files (" + run.inputChecksum() + "): refused, nothing is"
					+ " paid twice. The outputs of that run are in " + run.exerciceOutputDir() + ".", null);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			return new Outcome(ExitCode.ALREADY_RUNNING,
					"A run of exercice " + run.exercice() + " with these inputs is in progress: refused.", null);
		}
		catch (Exception ex) {
			return new Outcome(ExitCode.FAILED, "The job could not be launched: " + ex.getMessage(), null);
		}
	}

	/**
	 * A new run (not a restart) must not write over the outputs of a completed run, which may have
	 * been sent already: their manifest says they are complete.
	 */
	private Optional<String> outputConflict(AnnualRun run) {
		Path manifest = run.exerciceOutputDir().resolve(ManifestWriter.MANIFEST);
		boolean newRun = this.jobRepository.getJobInstance(AnnualPaymentJobConfiguration.JOB_NAME,
				run.toJobParameters()) == null;
		if (newRun && Files.exists(manifest)) {
			return Optional.of(run.exerciceOutputDir() + " holds the outputs of another completed run (" + manifest
					+ "): refused, they are not overwritten. Archive them or choose another --output.");
		}
		return Optional.empty();
	}

	/**
	 * Executions of this exercice still marked running while we hold its lock were left by a
	 * crashed process (kill -9, power cut): mark them failed so that the launch restarts them.
	 */
	private void recoverCrashedExecutions(int exercice) {
		for (JobExecution execution : this.jobRepository.findRunningJobExecutions(AnnualPaymentJobConfiguration.JOB_NAME)) {
			Long executionExercice = execution.getJobParameters().getLong(AnnualRun.EXERCICE);
			if (executionExercice != null && executionExercice == exercice) {
				logger.warn("Execution " + execution.getId() + " of exercice " + exercice
						+ " was left running by a crashed process: recovering it before restarting");
				this.jobOperator.recover(execution);
			}
		}
	}

	private Outcome outcome(JobExecution execution, AnnualRun run) {
		JobOutcome outcome = JobOutcome.of(execution,
				"Exercice " + run.exercice() + " computed; outputs in " + run.exerciceOutputDir());
		return new Outcome(outcome.exitCode(), outcome.message(), execution);
	}

	/** SHA-256 over the SHA-256 of each input file, in a fixed order. */
	static String inputChecksum(Path inputDir) {
		return inputChecksum(inputDir, Optional.empty());
	}

	/**
	 * SHA-256 over the SHA-256 of each input file, in a fixed order; with an encoding, also refuses
	 * a file that the encoding cannot read, from the same pass over its bytes.
	 */
	private static String inputChecksum(Path inputDir, Optional<InputEncoding> encoding) {
		StringBuilder digests = new StringBuilder();
		for (InputFile file : InputFile.values()) {
			Path path = inputDir.resolve(file.fileName());
			if (!Files.isRegularFile(path)) {
				throw new InputFileException(file.fileName(), 0,
						"file not found in the input directory (" + path.toAbsolutePath() + ")");
			}
			InputFileScan scan = InputFileScan.of(path, file.fileName());
			encoding.ifPresent(e -> scan.requireReadable(file.fileName(), e));
			digests.append(file.fileName()).append('=').append(scan.sha256()).append('\n');
		}
		return Checksums.sha256(digests.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
