package fr.cds.remuneration.annual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.common.Checksums;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.output.ManifestWriter;
import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.run.ExerciceJobLauncher;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.run.RunOperator;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.partitioning.ExtractPartitioning;

/**
 * Launches (or restarts) the annual job for an exercice and says how it ended, with the exit code
 * and an operator's message. Checks what can be checked before launching: the rule set and the
 * presence of the input files, whose checksums identify the run; and, under the exercice's lock,
 * that the exercice has no completed annual run: once an exercice is paid, a change goes through
 * re-processing, which pays only the difference. The directories are checked first, before a
 * byte of input is read ({@link RunDirectories}); an output directory that holds a completed run's
 * outputs is refused like a completed run (exit code 5), whichever database recorded it.
 */
@Component
public class AnnualRunLauncher {

	private static final Log logger = LogFactory.getLog(AnnualRunLauncher.class);

	private final JobOperator jobOperator;

	private final Job annualPaymentJob;

	private final RuleSetCatalog catalog;

	private final ExerciceJobLauncher exerciceJobs;

	private final JobRepository jobRepository;

	private final ExtractPartitioning partitioning;

	/** Today, for the extraction date's check (a test may fix it). */
	private final Clock clock;

	private final PaymentLedger ledger;

	public AnnualRunLauncher(JobOperator jobOperator, Job annualPaymentJob, RuleSetCatalog catalog,
			ExerciceJobLauncher exerciceJobs, JobRepository jobRepository, ExtractPartitioning partitioning,
			ObjectProvider<Clock> clock, PaymentLedger ledger) {
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
		this.ledger = ledger;
		this.jobOperator = jobOperator;
		this.annualPaymentJob = annualPaymentJob;
		this.catalog = catalog;
		this.exerciceJobs = exerciceJobs;
		this.jobRepository = jobRepository;
		this.partitioning = partitioning;
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

	/** Launches as the OS user. */
	public JobOutcome launch(Request request) {
		return launch(request, RunOperator.current());
	}

	/**
	 * Launches, recording {@code operator} as the one who proposes the run's payment lines: the
	 * payer's desk refuses their approval by the same person.
	 */
	public JobOutcome launch(Request request, String operator) {
		Optional<JobOutcome> unusable = RunDirectories.refusal(request.inputDir(),
				request.outputDir().resolve(String.valueOf(request.exercice())));
		if (unusable.isPresent()) {
			return unusable.get();
		}
		AnnualRun run;
		InputDigest digest;
		String rulesSha256;
		try {
			RuleSet ruleSet = this.catalog.repository(request.rulesLocation())
				.forExercice(request.exercice(), request.ruleSet());
			rulesSha256 = ruleSet.sha256();
			Optional<String> extractionProblem = ExerciceRules.resolve(ruleSet, request.exercice())
				.plausibility()
				.extractionDateProblem(request.exercice(), request.extractionDate(), LocalDate.now(this.clock));
			if (extractionProblem.isPresent()) {
				return JobOutcome.refused(ExitCode.INPUT_REFUSED,
						"Entrées refusées, rien n'a été calculé ni payé : " + extractionProblem.get());
			}
			int partitions = this.partitioning.partitions(request.inputDir().resolve(InputFile.PATIENTS.fileName()));
			Optional<InputEncoding> encoding = Optional.of(request.inputEncoding());
			digest = InputScanAhead.take(request.inputDir(), partitions)
				.map(scans -> InputDigest.of(scans, encoding))
				.orElseGet(() -> InputDigest.scan(request.inputDir(), encoding, partitions));
			run = new AnnualRun(request.exercice(), ruleSet.reference(), digest.combined(), request.inputDir(),
					request.outputDir(), request.rulesLocation(), request.extractionDate(), request.pdf(),
					request.inputEncoding());
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
			JobInstance existing = this.jobRepository.getJobInstance(AnnualPaymentJobConfiguration.JOB_NAME,
					run.toJobParameters());
			Optional<String> balances = BalanceConflict.of(run.exercice(),
					existing == null ? -1 : existing.getInstanceId(), this.ledger, this.jobRepository);
			if (balances.isPresent()) {
				return JobOutcome.refused(ExitCode.ALREADY_COMPLETED, balances.get());
			}
			Optional<String> outputConflict = outputConflict(run);
			if (outputConflict.isPresent()) {
				return JobOutcome.refused(ExitCode.ALREADY_COMPLETED, outputConflict.get());
			}
			logger.info("Lancement de " + AnnualPaymentJobConfiguration.JOB_NAME + " pour l'exercice " + run.exercice()
					+ " selon " + run.ruleSet() + " (entrées " + run.inputChecksum() + ")");
			JobParametersBuilder parameters = new JobParametersBuilder(run.toJobParameters());
			digest.addTo(parameters);
			parameters.addString(RunOperator.PARAMETER, RunOperator.orCurrent(operator), false)
				.addString(RunOperator.RULES_SHA256, rulesSha256, false);
			return JobOutcome.of(this.jobOperator.start(this.annualPaymentJob, parameters.toJobParameters()),
					"Exercice " + run.exercice() + " calculé ; sorties dans " + run.exerciceOutputDir());
		});
	}

	/**
	 * A new run (not a restart) must not write over the outputs of a completed run, which may have
	 * been sent already: their manifest says they are complete (the run may have been recorded in
	 * another database).
	 */
	private Optional<String> outputConflict(AnnualRun run) {
		Path manifest = run.exerciceOutputDir().resolve(ManifestWriter.MANIFEST);
		boolean newRun = this.jobRepository.getJobInstance(AnnualPaymentJobConfiguration.JOB_NAME,
				run.toJobParameters()) == null;
		if (newRun && Files.exists(manifest)) {
			return Optional.of("Exercice " + run.exercice() + " : " + run.exerciceOutputDir().toAbsolutePath()
					+ " contient déjà les sorties d'un run terminé (" + ManifestWriter.MANIFEST + ") : refusé, elles ne"
					+ " sont ni écrasées ni payées deux fois. Si cet exercice est payé, une modification passe par"
					+ " 'reprocess --exercice " + run.exercice() + "' ; sinon archivez ce répertoire ou choisissez un"
					+ " autre --output.");
		}
		return Optional.empty();
	}

	private static JobOutcome alreadyCompleted(AnnualRun asked, AnnualRun done, long runId) {
		boolean sameInputs = asked.inputChecksum().equals(done.inputChecksum()) && asked.ruleSet().equals(done.ruleSet());
		return JobOutcome.refused(ExitCode.ALREADY_COMPLETED, "L'exercice " + asked.exercice()
				+ " a déjà été calculé et ses soldes enregistrés par le run " + runId
				+ " selon " + done.ruleSet() + (sameInputs ? ", à partir de ces mêmes fichiers d'entrée"
						: ", à partir d'autres fichiers d'entrée (" + done.inputChecksum() + ")")
				+ " : un second run annuel est refusé, rien n'est payé deux fois. Une modification après paiement"
				+ " (nouvelle version des règles, entrées corrigées d'un centre) passe par un retraitement, qui ne paie"
				+ " ou ne récupère que la différence : 'reprocess --exercice " + asked.exercice() + "'. Les sorties de ce"
				+ " run sont dans " + done.exerciceOutputDir() + ".");
	}

	/** SHA-256 over the SHA-256 of each input file, in a fixed order: the identity of a run's inputs. */
	public static String inputChecksum(Path inputDir) {
		return InputDigest.scan(inputDir, Optional.empty(), 1).combined();
	}

}
