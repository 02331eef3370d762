package fr.cds.remuneration.desk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.cds.remuneration.annual.AnnualPaymentJobConfiguration;
import fr.cds.remuneration.annual.AnnualRun;
import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.annual.RunContext;
import fr.cds.remuneration.centre.BankAccount;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.ledger.PaymentStatus;
import fr.cds.remuneration.output.AtomicFiles;
import fr.cds.remuneration.reprocess.ReprocessJobConfiguration;
import fr.cds.remuneration.reprocess.ReprocessRun;
import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.run.RunOperator;

/**
 * The payer's desk: the payment lines a completed run recorded in the ledger are proposed; a
 * second operator approves them (they are ordered, and the transfers written to a SEPA file) or
 * rejects them (they are cancelled). The one who computed never releases the payment.
 *
 * <p>Before approving it checks that the run's inputs and rules are still the files it computed
 * from (same checksums), and that no earlier run of the exercice is still undecided: an approval
 * out of order would pay a regularisation computed on a balance that may still be rejected.
 */
@Service
public class PaymentDesk {

	private static final Set<String> PAYING_JOBS = Set.of(AnnualPaymentJobConfiguration.JOB_NAME,
			ReprocessJobConfiguration.JOB_NAME);

	private final JobRepository jobRepository;

	private final PaymentLedger ledger;

	private final ApprovalStore approvals;

	private final BankTransferStore transfers;

	private final RuleSetCatalog catalog;

	private final TransactionTemplate transaction;

	private final CreditTransferFile.Debtor debtor;

	public PaymentDesk(JobRepository jobRepository, PaymentLedger ledger, ApprovalStore approvals,
			BankTransferStore transfers, RuleSetCatalog catalog, PlatformTransactionManager transactionManager,
			@Value("${cds.desk.debtor-name:Assurance Maladie}") String debtorName,
			@Value("${cds.desk.debtor-iban:FR7630001007941234567890185}") String debtorIban,
			@Value("${cds.desk.debtor-bic:BDFEFRPPCCT}") String debtorBic) {
		this.jobRepository = jobRepository;
		this.ledger = ledger;
		this.approvals = approvals;
		this.transfers = transfers;
		this.catalog = catalog;
		this.transaction = new TransactionTemplate(transactionManager);
		this.debtor = new CreditTransferFile.Debtor(debtorName, BankAccount.electronic(debtorIban), debtorBic);
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

	/** What an approval did. */
	public record Approved(RunApproval approval, List<BankTransfer> sent, List<BankTransfer> held,
			List<LedgerEntry> recoveries, Optional<Path> bankFile) {
	}

	/** What a bank status report changed. */
	public record StatusImported(String originalMessageId, List<BankTransfer> rejected, int accepted,
			List<String> alreadyKnown) {
	}

	/** What a re-issue of corrected transfers did. */
	public record Reissued(List<BankTransfer> sent, List<BankTransfer> stillWaiting, Optional<Path> bankFile) {
	}

	/**
	 * Approves a run's lines: checked, then ordered in the ledger on the day, and the transfers of
	 * the positive lines written to {@code virements-<exercice>-<run>.xml} (a centre without account
	 * is held and listed). Recoveries are not transfers: they go to the recovery notices.
	 */
	public Approved approve(int exercice, long runId, String operator, LocalDate today, LocalDate executionDate) {
		Proposal proposal = proposal(exercice, runId);
		checkOperator(proposal, operator, "approuver");
		checkUndecided(proposal);
		checkUnchanged(proposal);
		List<Long> pending = this.ledger.runsWithComputedLinesBefore(exercice, runId, List.copyOf(PAYING_JOBS));
		pending.removeIf(id -> this.approvals.of(id).isPresent());
		if (!pending.isEmpty()) {
			throw new DeskRefusal("Approbation refusée : les lignes du run " + pending + " de l'exercice " + exercice
					+ ", antérieures, sont encore proposées. Approuvez-les ou rejetez-les d'abord : le run " + runId
					+ " a été calculé sur leurs montants.");
		}
		List<LedgerEntry> lines = this.ledger.entriesOfRun(runId)
			.stream()
			.filter(e -> e.status() == PaymentStatus.COMPUTED)
			.toList();
		CentreAccounts accounts = accounts(proposal);
		List<BankTransfer> sent = new ArrayList<>();
		List<BankTransfer> held = new ArrayList<>();
		for (LedgerEntry line : lines) {
			if (line.amountEuros().signum() <= 0) {
				continue;
			}
			Optional<BankAccount> account = accounts.account(line.finess());
			BankTransfer transfer = new BankTransfer(BankTransfer.endToEndId(line.reference(), 1), line.reference(), 1,
					runId, exercice, line.finess(), line.stream(), line.kind(), line.amountEuros(),
					account.map(BankAccount::iban).orElse(null), account.map(BankAccount::bic).orElse(null),
					executionDate, null, account.isPresent() ? TransferStatus.SENT : TransferStatus.HELD,
					account.isPresent() ? null : accounts.whyNone(line.finess()));
			(account.isPresent() ? sent : held).add(transfer);
		}
		Optional<Path> bankFile = sent.isEmpty() ? Optional.empty()
				: Optional.of(proposal.outputDirectory().resolve("virements-" + exercice + "-" + runId + ".xml"));
		List<BankTransfer> recorded = bankFile.map(file -> sent.stream().map(t -> withFile(t, file)).toList())
			.orElse(List.of());
		RunApproval approval = new RunApproval(runId, exercice, proposal.jobName(), proposal.proposedBy(),
				Decision.APPROVED, operator.strip(), LocalDateTime.now(), null, lines.size(), PaymentLedger.net(lines),
				sent.size(), CreditTransferFile.sum(sent), bankFile.map(Path::toString).orElse(null));
		bankFile.ifPresent(file -> writeBankFile(file, "CDS-" + exercice + "-R" + runId, recorded));
		this.transaction.executeWithoutResult(status -> {
			this.approvals.save(approval);
			this.ledger.orderRun(runId, today);
			recorded.forEach(this.transfers::insert);
			held.forEach(this.transfers::insert);
		});
		List<LedgerEntry> recoveries = lines.stream().filter(e -> e.amountEuros().signum() < 0).toList();
		return new Approved(approval, recorded, held, recoveries, bankFile);
	}

	/** Rejects a run's lines: cancelled in the ledger, never paid; the reason is recorded. */
	public RunApproval reject(int exercice, long runId, String operator, String reason) {
		Proposal proposal = proposal(exercice, runId);
		checkOperator(proposal, operator, "rejeter");
		checkUndecided(proposal);
		List<LedgerEntry> lines = this.ledger.entriesOfRun(runId)
			.stream()
			.filter(e -> e.status() == PaymentStatus.COMPUTED)
			.toList();
		RunApproval rejection = new RunApproval(runId, exercice, proposal.jobName(), proposal.proposedBy(),
				Decision.REJECTED, operator.strip(), LocalDateTime.now(), reason.strip(), lines.size(),
				PaymentLedger.net(lines), 0, BigDecimal.ZERO.setScale(2), null);
		this.transaction.executeWithoutResult(status -> {
			this.approvals.save(rejection);
			this.ledger.cancelRun(runId);
		});
		return rejection;
	}

	/** Whether a ledger line may be recorded as paid: an imported line, or one of an approved run. */
	public boolean isReleased(LedgerEntry entry) {
		return entry.runId() == null || !PAYING_JOBS.contains(entry.jobName())
				|| this.approvals.of(entry.runId()).filter(a -> a.decision() == Decision.APPROVED).isPresent();
	}

	/**
	 * Why a ledger line's transfer has not reached the centre (held for want of an account, or
	 * rejected by the bank, and not yet corrected); empty when it was sent or has no transfer.
	 */
	public Optional<String> transferNotSent(LedgerEntry entry) {
		if (entry.runId() == null) {
			return Optional.empty();
		}
		return this.transfers.ofRun(entry.runId())
			.stream()
			.filter(t -> t.reference().equals(entry.reference()))
			.reduce((first, second) -> second.issue() > first.issue() ? second : first)
			.filter(t -> t.status().awaitsCorrection())
			.map(t -> "virement " + t.endToEndId() + " " + t.status().label());
	}

	/** Where a completed run of the exercice wrote its outputs. */
	public Path outputDirectory(int exercice, long runId) {
		return proposal(exercice, runId).outputDirectory();
	}

	/** The decisions of an exercice, for the ledger listing. */
	public List<RunApproval> decisions(int exercice) {
		return this.approvals.ofExercice(exercice);
	}

	/** The transfers of an exercice, for the ledger listing. */
	public List<BankTransfer> transfers(int exercice) {
		return this.transfers.ofExercice(exercice);
	}

	/** Who launched a run (proposed its lines); empty for a run launched before operators were recorded. */
	public Optional<String> proposer(long runId) {
		return Optional.ofNullable(this.jobRepository.getJobInstance(runId))
			.map(this.jobRepository::getLastJobExecution)
			.map(e -> e.getJobParameters().getString(RunOperator.PARAMETER));
	}

	/**
	 * Imports a bank's payment status report (pain.002): each rejected transaction marks its
	 * transfer rejected, with the bank's reason, to be corrected and issued again. A report naming
	 * a transfer this system never issued is refused as a whole.
	 */
	public StatusImported importStatus(String pain002Xml) {
		BankStatusReport report = BankStatusReport.parse(pain002Xml);
		List<String> unknown = report.statuses()
			.stream()
			.map(BankStatusReport.TransactionStatus::endToEndId)
			.filter(id -> this.transfers.byEndToEndId(id).isEmpty())
			.toList();
		if (!unknown.isEmpty()) {
			throw new DeskRefusal("Rapport de la banque refusé : les virements " + unknown
					+ " n'ont pas été émis par ce système. Rien n'a été modifié.");
		}
		List<BankTransfer> rejected = new ArrayList<>();
		List<String> alreadyKnown = new ArrayList<>();
		int[] accepted = { 0 };
		this.transaction.executeWithoutResult(status -> {
			for (BankStatusReport.TransactionStatus tx : report.statuses()) {
				if (!tx.rejected()) {
					accepted[0]++;
					continue;
				}
				BankTransfer transfer = this.transfers.byEndToEndId(tx.endToEndId()).orElseThrow();
				if (this.transfers.changeStatus(tx.endToEndId(), TransferStatus.SENT, TransferStatus.REJECTED,
						tx.reason())) {
					rejected.add(transfer.withStatus(TransferStatus.REJECTED, tx.reason()));
				}
				else {
					alreadyKnown.add(tx.endToEndId());
				}
			}
		});
		return new StatusImported(report.originalMessageId(), rejected, accepted[0], alreadyKnown);
	}

	/**
	 * Issues again the run's transfers that wait for an account (held, or rejected by the bank),
	 * to the accounts of {@code correctedCentres}: each once, as the next issue of its ledger line,
	 * in {@code virements-<exercice>-<run>-C<n>.xml}. A rejected transfer whose account is the same
	 * as the rejected one waits on: the bank would reject it again.
	 */
	public Reissued reissue(int exercice, long runId, Path correctedCentres, LocalDate executionDate) {
		Proposal proposal = proposal(exercice, runId);
		if (this.approvals.of(runId).filter(a -> a.decision() == Decision.APPROVED).isEmpty()) {
			throw new DeskRefusal("Le run " + runId + " n'est pas approuvé : aucun virement n'est émis avant l'approbation.");
		}
		CentreAccounts accounts = CentreAccounts.read(correctedCentres, AnnualRun.from(proposal.parameters()).inputEncoding());
		List<BankTransfer> sent = new ArrayList<>();
		List<BankTransfer> waiting = new ArrayList<>();
		List<BankTransfer> replaced = new ArrayList<>();
		for (BankTransfer previous : this.transfers.awaitingCorrection(runId)) {
			Optional<BankAccount> account = accounts.account(previous.finess())
				.filter(a -> previous.status() != TransferStatus.REJECTED || !a.iban().equals(previous.iban()));
			if (account.isEmpty()) {
				waiting.add(previous);
				continue;
			}
			int issue = previous.issue() + 1;
			sent.add(new BankTransfer(BankTransfer.endToEndId(previous.reference(), issue), previous.reference(), issue,
					runId, exercice, previous.finess(), previous.stream(), previous.kind(), previous.amountEuros(),
					account.get().iban(), account.get().bic(), executionDate, null, TransferStatus.SENT, null));
			replaced.add(previous);
		}
		if (sent.isEmpty()) {
			return new Reissued(List.of(), waiting, Optional.empty());
		}
		int correction = sent.stream().mapToInt(BankTransfer::issue).max().orElseThrow() - 1;
		Path file = proposal.outputDirectory()
			.resolve("virements-" + exercice + "-" + runId + "-C" + correction + ".xml");
		List<BankTransfer> recorded = sent.stream().map(t -> withFile(t, file)).toList();
		this.transaction.executeWithoutResult(status -> {
			for (BankTransfer previous : replaced) {
				if (!this.transfers.changeStatus(previous.endToEndId(), previous.status(), TransferStatus.REISSUED,
						previous.statusReason())) {
					throw new DeskRefusal("Le virement " + previous.endToEndId()
							+ " a déjà été corrigé par une autre commande : rien n'est émis deux fois.");
				}
			}
			recorded.forEach(this.transfers::insert);
		});
		writeBankFile(file, "CDS-" + exercice + "-R" + runId + "-C" + correction, recorded);
		return new Reissued(recorded, waiting, Optional.of(file));
	}

	/** The next business day after {@code day} (Saturday and Sunday skipped; bank holidays are the bank's). */
	public static LocalDate nextBusinessDay(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
			next = next.plusDays(1);
		}
		return next;
	}

	private void writeBankFile(Path file, String messageId, List<BankTransfer> transfers) {
		String xml = CreditTransferFile.xml(messageId, OffsetDateTime.now(), this.debtor, transfers);
		AtomicFiles.write(file, out -> out.write(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static BankTransfer withFile(BankTransfer t, Path file) {
		return new BankTransfer(t.endToEndId(), t.reference(), t.issue(), t.runId(), t.exercice(), t.finess(), t.stream(),
				t.kind(), t.amountEuros(), t.iban(), t.bic(), t.executionDate(), file.getFileName().toString(), t.status(),
				t.statusReason());
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

	private static void checkOperator(Proposal proposal, String operator, String verb) {
		if (operator == null || operator.isBlank()) {
			throw new DeskRefusal("--operator est obligatoire : le nom de l'ordonnateur qui décide.");
		}
		if (RunOperator.samePerson(operator, proposal.proposedBy())) {
			throw new DeskRefusal("Refusé : " + operator.strip() + " a lancé le run " + proposal.runId()
					+ " et ne peut pas " + verb + " ses propres lignes de paiement. Un autre opérateur doit décider.");
		}
	}

	private void checkUndecided(Proposal proposal) {
		this.approvals.of(proposal.runId()).ifPresent(decided -> {
			throw new DeskRefusal("Le run " + proposal.runId() + " a déjà été " + decided.decision().label() + " par "
					+ decided.decidedBy() + " le " + decided.decidedAt().toLocalDate() + " : rien n'est décidé deux fois.");
		});
	}

	/** The rule-set file and the input files must be those the run computed from. */
	private void checkUnchanged(Proposal proposal) {
		AnnualRun run = AnnualRun.from(proposal.parameters());
		String recordedRules = proposal.parameters().getString(RunOperator.RULES_SHA256);
		try {
			String rulesNow = this.catalog.repository(run.rulesLocation())
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
	private CentreAccounts accounts(Proposal proposal) {
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
