package fr.cds.remuneration.reprocess;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.annual.AnnualPaymentJobConfiguration;
import fr.cds.remuneration.annual.AnnualRun;
import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.annual.RunContext;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.run.ExerciceJobLauncher;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.run.RunOperator;

/**
 * Launches (or restarts) a re-processing of a paid exercice and says how it ended. Checks the
 * request before launching (rule set, centres, corrected inputs), then, under the exercice's lock,
 * that the exercice has a completed annual run, whose snapshot the re-processing starts from.
 */
@Component
public class ReprocessLauncher {

	private static final Log logger = LogFactory.getLog(ReprocessLauncher.class);

	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

	private final JobOperator jobOperator;

	private final Job reprocessJob;

	private final RuleSetCatalog catalog;

	private final ExerciceJobLauncher exerciceJobs;

	private final JobRepository jobRepository;

	public ReprocessLauncher(JobOperator jobOperator, Job reprocessJob, RuleSetCatalog catalog,
			ExerciceJobLauncher exerciceJobs, JobRepository jobRepository) {
		this.jobOperator = jobOperator;
		this.reprocessJob = reprocessJob;
		this.catalog = catalog;
		this.exerciceJobs = exerciceJobs;
		this.jobRepository = jobRepository;
	}

	/**
	 * What the operator asked for.
	 *
	 * @param centres the centres to re-process, empty for all
	 * @param correctedInputDir corrected inputs of a dispute for exactly the named centres
	 * @param extractionDate date of the corrected patient extract (required with corrected inputs)
	 */
	public record Request(int exercice, Optional<String> ruleSet, String rulesLocation, List<String> centres,
			Optional<Path> correctedInputDir, Optional<LocalDate> extractionDate, Path outputDir,
			Optional<String> label) {
	}

	/** Launches as the OS user. */
	public JobOutcome launch(Request request) {
		return launch(request, RunOperator.current());
	}

	/**
	 * Launches, recording {@code operator} as the one who proposes the regularisations: the payer's
	 * desk refuses their approval by the same person.
	 */
	public JobOutcome launch(Request request, String operator) {
		Optional<String> usage = usageProblem(request);
		if (usage.isPresent()) {
			return JobOutcome.refused(ExitCode.USAGE, usage.get());
		}
		String ruleSet;
		String rulesSha256;
		String checksum;
		try {
			RuleSet rules = this.catalog.repository(request.rulesLocation())
				.forExercice(request.exercice(), request.ruleSet());
			ruleSet = rules.reference();
			rulesSha256 = rules.sha256();
			checksum = request.correctedInputDir().map(AnnualRunLauncher::inputChecksum)
				.orElse(ReprocessRun.NO_CORRECTED_INPUTS);
		}
		catch (RuleSetException ex) {
			return JobOutcome.refused(ExitCode.RULES_REFUSED, ex.getMessage());
		}
		catch (InputFileException ex) {
			return JobOutcome.refused(ExitCode.INPUT_REFUSED, ex.getMessage());
		}
		return this.exerciceJobs.underLock(request.exercice(), () -> {
			List<JobExecution> annual = this.exerciceJobs.completedExecutions(AnnualPaymentJobConfiguration.JOB_NAME,
					request.exercice());
			if (annual.isEmpty()) {
				return JobOutcome.refused(ExitCode.INPUT_REFUSED, "L'exercice " + request.exercice()
						+ " n'a pas de run annuel terminé : rien n'a été payé, il n'y a rien à retraiter. Lancez d'abord le run annuel.");
			}
			JobExecution base = annual.get(0);
			AnnualRun baseRun = AnnualRun.from(base.getJobParameters());
			ReprocessRun run = new ReprocessRun(request.exercice(), ruleSet, base.getJobInstanceId(), request.centres(),
					request.correctedInputDir(), checksum, request.extractionDate().orElse(baseRun.extractionDate()),
					request.outputDir(), request.rulesLocation(), request.label());
			logger.info("Lancement de " + ReprocessJobConfiguration.JOB_NAME + " pour l'exercice " + run.exercice() + " selon "
					+ ruleSet + " à partir du run annuel " + run.baseRunId()
					+ (run.centres().isEmpty() ? "" : " pour " + run.centres())
					+ (run.hasCorrectedInputs() ? " avec les entrées corrigées " + checksum : ""));
			try {
				JobExecution execution = this.jobOperator.start(this.reprocessJob,
						new JobParametersBuilder(run.toJobParameters())
							.addString(RunOperator.PARAMETER, RunOperator.orCurrent(operator), false)
							.addString(RunOperator.RULES_SHA256, rulesSha256, false)
							.toJobParameters());
				return JobOutcome.of(execution, "Exercice " + run.exercice() + " retraité selon "
						+ ruleSet + " (run " + execution.getJobInstanceId() + ") ; sorties dans " + outputDirectory(execution));
			}
			catch (JobInstanceAlreadyCompleteException ex) {
				return alreadyDone(run);
			}
		});
	}

	private JobOutcome alreadyDone(ReprocessRun run) {
		JobInstance instance = this.jobRepository.getJobInstance(ReprocessJobConfiguration.JOB_NAME, run.toJobParameters());
		JobExecution done = this.jobRepository.getLastJobExecution(instance);
		return JobOutcome.refused(ExitCode.ALREADY_COMPLETED, "Ce retraitement de l'exercice " + run.exercice()
				+ " (règles " + run.ruleSet() + ", " + (run.centres().isEmpty() ? "tous les centres" : "centres " + run.centres())
				+ (run.hasCorrectedInputs() ? ", ces entrées corrigées" : "") + ") a déjà été fait par le run "
				+ instance.getInstanceId() + " : refusé, rien n'est payé deux fois. Ses sorties sont dans "
				+ outputDirectory(done) + ".");
	}

	private static String outputDirectory(JobExecution execution) {
		return execution.getExecutionContext().getString(RunContext.OUTPUT_DIRECTORY, "(non écrites)");
	}

	private static Optional<String> usageProblem(Request request) {
		List<String> malformed = request.centres().stream().filter(f -> !Finess.isWellFormed(f)).toList();
		if (!malformed.isEmpty()) {
			return Optional.of("FINESS mal formé dans --centre : " + malformed
					+ " (9 caractères, commençant par le département).");
		}
		if (request.correctedInputDir().isPresent() && request.centres().isEmpty()) {
			return Optional.of("--corrected-input demande les centres qu'il corrige : désignez chacun avec --centre.");
		}
		if (request.correctedInputDir().isPresent() && request.extractionDate().isEmpty()) {
			return Optional.of("--corrected-input demande --extraction-date, la date de l'extraction corrigée des patients.");
		}
		if (request.correctedInputDir().isEmpty() && request.extractionDate().isPresent()) {
			return Optional.of("--extraction-date est la date d'une extraction corrigée des patients : elle demande --corrected-input"
					+ " (sans lui, chaque centre garde la date de son extraction enregistrée).");
		}
		if (request.label().isPresent() && !LABEL.matcher(request.label().get()).matches()) {
			return Optional.of("--name ne peut contenir que des lettres, chiffres, '.', '_' ou '-' (40 au plus), par exemple avenant-6.");
		}
		return Optional.empty();
	}

}
