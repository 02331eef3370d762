package fr.cds.remuneration.desk;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;

import fr.cds.remuneration.annual.AnnualPaymentJobConfiguration;
import fr.cds.remuneration.annual.AnnualRun;
import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.annual.RunContext;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.reprocess.ReprocessJobConfiguration;
import fr.cds.remuneration.reprocess.ReprocessRun;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.run.RunOperator;

/**
 * The runs a decision is about: a completed paying run of the exercice, who proposed it, and the
 * checks before a decision (another operator decides, once, on the files the run computed from),
 * with the accounts its centres.csv gives.
 */
final class RunProposals {

	static final Set<String> PAYING_JOBS = Set.of(AnnualPaymentJobConfiguration.JOB_NAME,
			ReprocessJobConfiguration.JOB_NAME);

	private final JobRepository jobRepository;

	private final ApprovalStore approvals;

	RunProposals(JobRepository jobRepository, ApprovalStore approvals) {
		this.jobRepository = jobRepository;
		this.approvals = approvals;
	}

	/** A completed run whose lines are proposed: who launched it, and its parameters. */
	record Proposal(long runId, int exercice, String jobName, String proposedBy, JobExecution execution) {

		JobParameters parameters() {
			return this.execution.getJobParameters();
		}

		boolean isAnnual() {
			return AnnualPaymentJobConfiguration.JOB_NAME.equals(this.jobName);
		}

		/** Where the run wrote its outputs: the bank file goes beside its payment file. */
		Path outputDirectory() {
			String written = this.execution.getExecutionContext().getString(RunContext.OUTPUT_DIRECTORY, null);
			return written != null ? Path.of(written) : AnnualRun.from(parameters()).exerciceOutputDir();
		}

	}

	/** Who launched a run (proposed its lines); empty for a run launched before operators were recorded. */
	public Optional<String> proposer(long runId) {
		return Optional.ofNullable(this.jobRepository.getJobInstance(runId))
			.map(this.jobRepository::getLastJobExecution)
			.map(e -> e.getJobParameters().getString(RunOperator.PARAMETER));
	}

	Proposal proposal(int exercice, long runId) {
		JobInstance instance = this.jobRepository.getJobInstance(runId);
		if (instance == null || !PAYING_JOBS.contains(instance.getJobName())) {
			throw new DeskRefusal("Aucun run annuel ni de re-traitement n'a l'identifiant " + runId + " (voir 'runs').");
		}
		JobExecution last = this.jobRepository.getLastJobExecution(instance);
		Long runExercice = last.getJobParameters().getLong(AnnualRun.EXERCICE);
		if (runExercice == null || runExercice != exercice) {
			throw new DeskRefusal("Le run " + runId + " porte sur l'exercice " + runExercice + ", pas " + exercice + ".");
		}
		if (last.getStatus() != BatchStatus.COMPLETED) {
			throw new DeskRefusal("Le run " + runId + " n'est pas terminé (" + last.getStatus()
					+ ") : seules les lignes d'un run terminé sont proposées.");
		}
		String proposedBy = last.getJobParameters().getString(RunOperator.PARAMETER);
		return new Proposal(runId, exercice, instance.getJobName(), proposedBy == null ? "inconnu" : proposedBy, last);
	}

	static void checkOperator(Proposal proposal, String operator, String verb) {
		if (operator == null || operator.isBlank()) {
			throw new DeskRefusal("--operator est obligatoire : le nom de l'ordonnateur qui décide.");
		}
		if (RunOperator.samePerson(operator, proposal.proposedBy())) {
			throw new DeskRefusal("Refusé : " + operator.strip() + " a lancé le run " + proposal.runId()
					+ " et ne peut pas " + verb + " ses propres lignes de paiement. Un autre opérateur doit décider.");
		}
	}

	void checkUndecided(Proposal proposal) {
		this.approvals.of(proposal.runId()).ifPresent(decided -> {
			throw new DeskRefusal("Le run " + proposal.runId() + " a déjà été " + decided.decision().label() + " par "
					+ decided.decidedBy() + " le " + decided.decidedAt().toLocalDate() + " : rien n'est décidé deux fois.");
		});
	}

	/** The rule-set file and the input files must be those the run computed from. */
	void checkUnchanged(Proposal proposal) {
		AnnualRun run = AnnualRun.from(proposal.parameters());
		String recordedRules = proposal.parameters().getString(RunOperator.RULES_SHA256);
		try {
			// read from disk now, not from the catalog: it keeps what this process loaded first, and a
			// long-lived process (serve, tests) would never see the file change
			String rulesNow = RuleSetRepository.load(run.rulesLocation())
				.forExercice(proposal.exercice(), Optional.of(run.ruleSet()))
				.sha256();
			if (recordedRules != null && !recordedRules.equals(rulesNow)) {
				throw new DeskRefusal("Approbation refusée : le fichier des règles " + run.ruleSet()
						+ " a changé depuis le run " + proposal.runId() + " (" + recordedRules + " → " + rulesNow
						+ "). Restaurez-le, ou publiez la modification comme nouvelle version et re-traitez.");
			}
		}
		catch (RuleSetException ex) {
			throw new DeskRefusal("Approbation refusée : les règles du run ne se relisent plus : " + ex.getMessage());
		}
		for (Path dir : inputDirectories(proposal)) {
			String recorded = proposal.isAnnual() || !dir.equals(baseRun(proposal).inputDir()) ? run.inputChecksum()
					: baseRun(proposal).inputChecksum();
			try {
				String now = AnnualRunLauncher.inputChecksum(dir);
				if (!now.equals(recorded)) {
					throw new DeskRefusal("Approbation refusée : les fichiers d'entrée de " + dir
							+ " ont changé depuis le run " + proposal.runId() + " (" + recorded + " → " + now + ").");
				}
			}
			catch (InputFileException ex) {
				throw new DeskRefusal("Approbation refusée : les fichiers d'entrée du run ne se relisent plus : "
						+ ex.getMessage());
			}
		}
	}

	/** The directories whose centres.csv gives the accounts: the run's (and for a re-processing, the annual run's). */
	private List<Path> inputDirectories(Proposal proposal) {
		if (proposal.isAnnual()) {
			return List.of(AnnualRun.from(proposal.parameters()).inputDir());
		}
		List<Path> dirs = new ArrayList<>();
		dirs.add(baseRun(proposal).inputDir());
		ReprocessRun.from(proposal.parameters()).correctedInputDir().ifPresent(dirs::add);
		return dirs;
	}

	private AnnualRun baseRun(Proposal proposal) {
		long baseRunId = ReprocessRun.from(proposal.parameters()).baseRunId();
		JobExecution base = this.jobRepository.getLastJobExecution(this.jobRepository.getJobInstance(baseRunId));
		return AnnualRun.from(base.getJobParameters());
	}

	/** The accounts of the run's centres.csv; for a re-processing, corrected inputs first. */
	CentreAccounts accounts(Proposal proposal) {
		List<Path> dirs = inputDirectories(proposal);
		AnnualRun run = AnnualRun.from(proposal.parameters());
		CentreAccounts accounts = CentreAccounts.read(dirs.get(0).resolve(InputFile.CENTRES.fileName()),
				run.inputEncoding());
		for (Path dir : dirs.subList(1, dirs.size())) {
			accounts = accounts.overriddenBy(CentreAccounts.read(dir.resolve(InputFile.CENTRES.fileName()),
					run.inputEncoding()));
		}
		return accounts;
	}

}
