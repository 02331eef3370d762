package fr.cds.remuneration.annual;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.engine.Plausibility;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.snapshot.RunInputs;
import fr.cds.remuneration.input.InputLimits;
import fr.cds.remuneration.input.InputRejectedException;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.FileCounts;

/**
 * The gate between reading and computing: every input file's counts must reconcile (read =
 * accepted + rejected), centres.csv must have no rejected row (a centre left out would silently
 * not be paid), and the other files' reject rates must stay under their limits. Otherwise the run
 * stops here, before any payment is computed or written. Then it decides which centres are held
 * ({@link CentreHolds}): they are not computed, settled nor paid, and the run ends with exit code 8.
 * A re-processing's corrected inputs must hold no centre: they are refused instead.
 * The counts of the files read by chunk steps are recorded here, in this step's transaction
 * ({@link InputFileStep}), after checking that each file's bytes as read are those hashed at launch
 * (the patient extract's partitions checked their own ranges).
 */
public class InputQualityTasklet implements Tasklet {

	private static final Log logger = LogFactory.getLog(InputQualityTasklet.class);

	private final RunStore store;

	private final JobRunInputs inputs;

	private final InputLimits limits;

	private final RuleSetCatalog catalog;

	private final JobRepository jobRepository;

	/** Commits the counts on their own: a refusal by this gate must not take them back. */
	private final TransactionTemplate countsTransaction;

	public InputQualityTasklet(RunStore store, JobRunInputs inputs, InputLimits limits, RuleSetCatalog catalog,
			JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		this.store = store;
		this.inputs = inputs;
		this.limits = limits;
		this.catalog = catalog;
		this.jobRepository = jobRepository;
		this.countsTransaction = new TransactionTemplate(transactionManager);
		this.countsTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The counts of the files read by chunk-oriented steps, from what those steps committed. */
	private void recordInputFileCounts(StepExecution gate, RunContext context) {
		JobInstance instance = gate.getJobExecution().getJobInstance();
		for (InputFileStep input : InputFileStep.ALL) {
			StepExecution last = this.jobRepository.getLastStepExecution(instance, input.stepName());
			if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
				input.recordCounts(last, context, this.store);
			}
		}
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		long runId = context.runId();
		this.countsTransaction
			.executeWithoutResult(status -> recordInputFileCounts(contribution.getStepExecution(), context));
		Map<String, FileCounts> counts = this.store.fileCounts(runId)
			.stream()
			.collect(Collectors.toMap(FileCounts::file, Function.identity()));
		List<String> problems = new ArrayList<>();
		for (InputFile file : InputFile.values()) {
			FileCounts count = counts.get(file.fileName());
			if (count == null) {
				problems.add(file.fileName() + " : aucun décompte de lignes enregistré ; relancez la même commande");
				continue;
			}
			logger.info(file.fileName() + " : " + count.read() + " ligne(s) lue(s), " + count.accepted() + " acceptée(s), "
					+ count.rejected() + " rejetée(s)");
			if (count.read() == 0 && !file.mayHaveNoRow()) {
				problems.add(file.fileName() + " : aucune ligne de données après l'en-tête ; un run ne paie jamais sur un fichier vide :"
						+ " vérifiez l'export");
			}
			if (count.read() != count.accepted() + count.rejected()) {
				problems.add(file.fileName() + " : " + count.read() + " ligne(s) lue(s) mais " + count.accepted() + " acceptée(s) + "
						+ count.rejected() + " rejetée(s) ; le run ne peut pas rendre compte de chaque ligne");
			}
		}
		FileCounts centres = counts.get(InputFile.CENTRES.fileName());
		if (centres != null && centres.rejected() > 0) {
			problems.add(centres.file() + " : " + centres.rejected() + " ligne(s) rejetée(s) sur " + centres.read()
					+ " ; chaque centre doit être accepté, car un centre écarté ne serait pas payé : corrigez-les");
		}
		check(counts.get(InputFile.DECLARATIONS.fileName()), this.limits.maxDeclarationRejectRate(),
				"cds.input.max-declaration-reject-rate", problems);
		check(counts.get(InputFile.PATIENTS.fileName()), this.limits.maxPatientRejectRate(),
				"cds.input.max-patient-reject-rate", problems);
		check(counts.get(InputFile.CONTRACTS.fileName()), this.limits.maxContractRejectRate(),
				"cds.input.max-contract-reject-rate", problems);
		CentreHolds.Decision holds = problems.isEmpty() ? decideHolds(contribution.getStepExecution()) : null;
		if (holds != null && !holds.orphans().isEmpty()) {
			problems.add(holds.orphans().size() + " ligne(s) rejetée(s) ne désignent aucun centre accepté (FINESS illisible, ou"
					+ " centre absent de centres.csv dans declarations.csv ou contracts.csv) : le centre concerné"
					+ " ne peut pas être mis en attente, et serait payé sans elles ; la première : " + CentreHolds.reason(holds.orphans().get(0)));
		}
		if (holds != null && problems.isEmpty() && !holds.reasons().isEmpty() && !isAnnualRun(contribution)) {
			problems.add("entrées corrigées encore incomplètes pour " + holds.reasons().keySet()
					+ ", qui resteraient en attente : " + holds.reasons().values().iterator().next().get(0));
		}
		if (!problems.isEmpty()) {
			Path directory = context.outputDirectory();
			RunOutputsTasklet.writeRejects(this.store, runId, directory);
			throw new InputRejectedException("Entrées refusées, rien n'a été calculé ni payé :\n  "
					+ String.join("\n  ", problems) + "\nChaque ligne rejetée figure avec sa ligne, son champ et son motif dans "
					+ directory.resolve(RunOutputsTasklet.REJECTS) + ". Corrigez les fichiers et relancez.");
		}
		this.store.saveHolds(runId, holds.reasons());
		contribution.getStepExecution().getJobExecution().getExecutionContext().putInt(JobOutcome.HELD_CENTRES,
				holds.reasons().size());
		if (!holds.reasons().isEmpty()) {
			logger.warn(holds.reasons().size() + " centre(s) en attente, non payé(s) tant qu'ils ne sont pas corrigés : "
					+ holds.reasons().keySet());
		}
		return RepeatStatus.FINISHED;
	}

	/** Which accepted centres the run holds: rejected rows of theirs, or values beyond a plausibility bound. */
	private CentreHolds.Decision decideHolds(StepExecution step) {
		RunContext context = RunContext.of(step);
		ExerciceRules rules = this.catalog.rules(context.run());
		RunInputs inputs = this.inputs.of(step);
		Set<String> centres = this.store.centreTypes(context.runId()).keySet();
		try (Stream<Reject> rejects = this.store.rejects(context.runId())) {
			return CentreHolds.decide(centres, rejects::iterator,
					finess -> Plausibility.problems(rules, inputs.of(finess)));
		}
	}

	private static boolean isAnnualRun(StepContribution contribution) {
		return AnnualPaymentJobConfiguration.JOB_NAME
			.equals(contribution.getStepExecution().getJobExecution().getJobInstance().getJobName());
	}

	private void check(FileCounts count, BigDecimal maxRate, String property, List<String> problems) {
		if (count == null || count.rejected() == 0) {
			return;
		}
		BigDecimal rate = count.read() == 0 ? BigDecimal.ONE
				: BigDecimal.valueOf(count.rejected()).divide(BigDecimal.valueOf(count.read()), MathContext.DECIMAL64);
		if (rate.compareTo(maxRate) > 0) {
			problems.add(count.file() + " : " + count.rejected() + " ligne(s) rejetée(s) sur " + count.read() + " ("
					+ rate.movePointRight(2).setScale(3, RoundingMode.HALF_UP).toPlainString() + " %), au-delà de la limite de "
					+ maxRate.movePointRight(2).stripTrailingZeros().toPlainString() + " % (" + property + ")");
		}
	}

}
