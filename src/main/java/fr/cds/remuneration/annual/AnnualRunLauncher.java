package fr.cds.remuneration.annual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.cli.ExitCode;
import fr.cds.remuneration.common.Checksums;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.rules.RuleSetException;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.run.ExerciceJobLauncher;
import fr.cds.remuneration.run.JobOutcome;

/**
 * Launches (or restarts) the annual job for an exercice and says how it ended, with the exit code
 * and an operator's message. Checks what can be checked before launching: the rule set and the
 * presence of the input files, whose checksums identify the run; and, under the exercice's lock,
 * that the exercice has no completed annual run: once an exercice is paid, a change goes through
 * re-processing, which pays only the difference.
 */
@Component
public class AnnualRunLauncher {

	private static final Log logger = LogFactory.getLog(AnnualRunLauncher.class);

	private final JobOperator jobOperator;

	private final Job annualPaymentJob;

	private final RuleSetCatalog catalog;

	private final ExerciceJobLauncher exerciceJobs;

	public AnnualRunLauncher(JobOperator jobOperator, Job annualPaymentJob, RuleSetCatalog catalog,
			ExerciceJobLauncher exerciceJobs) {
		this.jobOperator = jobOperator;
		this.annualPaymentJob = annualPaymentJob;
		this.catalog = catalog;
		this.exerciceJobs = exerciceJobs;
	}

	/**
	 * What the operator asked for.
	 *
	 * @param pdf whether to write the statements as PDF too
	 */
	public record Request(int exercice, Path inputDir, Path outputDir, String rulesLocation,
			Optional<String> ruleSet, LocalDate extractionDate, boolean pdf) {

		/** A request without PDF statements. */
		public Request(int exercice, Path inputDir, Path outputDir, String rulesLocation, Optional<String> ruleSet,
				LocalDate extractionDate) {
			this(exercice, inputDir, outputDir, rulesLocation, ruleSet, extractionDate, false);
		}

	}

	public JobOutcome launch(Request request) {
		AnnualRun run;
		try {
			RuleSet ruleSet = this.catalog.repository(request.rulesLocation())
				.forExercice(request.exercice(), request.ruleSet());
			run = new AnnualRun(request.exercice(), ruleSet.reference(), inputChecksum(request.inputDir()),
					request.inputDir(), request.outputDir(), request.rulesLocation(), request.extractionDate(),
					request.pdf());
		}
		catch (RuleSetException ex) {
			return JobOutcome.refused(ExitCode.RULES_REFUSED, ex.getMessage());
		}
		catch (InputFileException ex) {
			return JobOutcome.refused(ExitCode.INPUT_REFUSED, ex.getMessage());
		}
		return this.exerciceJobs.underLock(run.exercice(), () -> {
			List<JobExecution> completed = this.exerciceJobs
				.completedExecutions(AnnualPaymentJobConfiguration.JOB_NAME, run.exercice());
			if (!completed.isEmpty()) {
				return alreadyCompleted(run, AnnualRun.from(completed.get(0).getJobParameters()),
						completed.get(0).getJobInstanceId());
			}
			logger.info("Launching " + AnnualPaymentJobConfiguration.JOB_NAME + " for exercice " + run.exercice()
					+ " under " + run.ruleSet() + " (inputs " + run.inputChecksum() + ")");
			return JobOutcome.of(this.jobOperator.start(this.annualPaymentJob, run.toJobParameters()),
					"Exercice " + run.exercice() + " computed; outputs in " + run.exerciceOutputDir());
		});
	}

	private static JobOutcome alreadyCompleted(AnnualRun asked, AnnualRun done, long runId) {
		boolean sameInputs = asked.inputChecksum().equals(done.inputChecksum()) && asked.ruleSet().equals(done.ruleSet());
		return JobOutcome.refused(ExitCode.ALREADY_COMPLETED, "Exercice " + asked.exercice()
				+ " was already computed and its balances recorded by run " + runId
				+ " under " + done.ruleSet() + (sameInputs ? ", from these same input files"
						: ", from other input files (" + done.inputChecksum() + ")")
				+ ": a second annual run is refused, nothing is paid twice. A change after payment (new rule-set"
				+ " version, corrected inputs of a centre) goes through re-processing, which pays or recovers only the"
				+ " difference: 'reprocess --exercice " + asked.exercice() + "'. The outputs of that run are in "
				+ done.exerciceOutputDir() + ".");
	}

	/** SHA-256 over the SHA-256 of each input file, in a fixed order. */
	public static String inputChecksum(Path inputDir) {
		StringBuilder digests = new StringBuilder();
		for (InputFile file : InputFile.values()) {
			Path path = inputDir.resolve(file.fileName());
			if (!Files.isRegularFile(path)) {
				throw new InputFileException(file.fileName(), 0,
						"file not found in the input directory (" + path.toAbsolutePath() + ")");
			}
			digests.append(file.fileName()).append('=').append(Checksums.sha256(path)).append('\n');
		}
		return Checksums.sha256(digests.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
