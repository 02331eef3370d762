package fr.cds.remuneration.desk;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.cds.remuneration.centre.BankAccount;
import fr.cds.remuneration.desk.RunProposals.Proposal;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.ledger.PaymentStatus;
import fr.cds.remuneration.output.HeldCentre;
import fr.cds.remuneration.reprocess.ReprocessStore;
import fr.cds.remuneration.snapshot.RunStore;

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

	private static final Set<String> PAYING_JOBS = RunProposals.PAYING_JOBS;

	private final PaymentLedger ledger;

	private final ApprovalStore approvals;

	private final BankTransferStore transfers;

	private final TransactionTemplate transaction;

	private final RunProposals proposals;

	private final TransferIssues transferIssues;

	private final HeldCentresAtDesk heldCentres;

	public PaymentDesk(JobRepository jobRepository, PaymentLedger ledger, ApprovalStore approvals,
			BankTransferStore transfers, PlatformTransactionManager transactionManager,
			RunStore runs, ReprocessStore reprocess,
			@Value("${cds.desk.debtor-name:Assurance Maladie}") String debtorName,
			@Value("${cds.desk.debtor-iban:FR7630001007941234567890185}") String debtorIban,
			@Value("${cds.desk.debtor-bic:BDFEFRPPCCT}") String debtorBic) {
		this.ledger = ledger;
		this.approvals = approvals;
		this.transfers = transfers;
		this.transaction = new TransactionTemplate(transactionManager);
		this.proposals = new RunProposals(jobRepository, approvals);
		this.heldCentres = new HeldCentresAtDesk(runs, reprocess);
		this.transferIssues = new TransferIssues(transfers, approvals, this.proposals, this.transaction,
				new CreditTransferFile.Debtor(debtorName, BankAccount.electronic(debtorIban), debtorBic));
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
		RunProposals.checkOperator(proposal, operator, "approuver");
		this.proposals.checkUndecided(proposal);
		this.proposals.checkUnchanged(proposal);
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
		CentreAccounts accounts = this.proposals.accounts(proposal);
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
		List<BankTransfer> recorded = bankFile.map(file -> sent.stream().map(t -> TransferIssues.withFile(t, file)).toList())
			.orElse(List.of());
		RunApproval approval = new RunApproval(runId, exercice, proposal.jobName(), proposal.proposedBy(),
				Decision.APPROVED, operator.strip(), LocalDateTime.now(), null, lines.size(), PaymentLedger.net(lines),
				sent.size(), CreditTransferFile.sum(sent), bankFile.map(Path::toString).orElse(null));
		bankFile.ifPresent(file -> this.transferIssues.writeBankFile(file, "CDS-" + exercice + "-R" + runId, recorded));
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
		RunProposals.checkOperator(proposal, operator, "rejeter");
		this.proposals.checkUndecided(proposal);
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

	/**
	 * The centres held (en attente) for their inputs that a decision on this run leaves unpaid,
	 * with their French reasons: they have no payment line, so no decision includes them.
	 */
	public List<HeldCentre> heldCentres(int exercice, long runId) {
		return this.heldCentres.of(proposal(exercice, runId));
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
		return this.transferIssues.transferNotSent(entry);
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
		return this.proposals.proposer(runId);
	}

	/**
	 * Imports a bank's payment status report (pain.002): each rejected transaction marks its
	 * transfer rejected, with the bank's reason, to be corrected and issued again. A report naming
	 * a transfer this system never issued is refused as a whole.
	 */
	public StatusImported importStatus(String pain002Xml) {
		return this.transferIssues.importStatus(pain002Xml);
	}

	/**
	 * Issues again the run's transfers that wait for an account (held, or rejected by the bank),
	 * to the accounts of {@code correctedCentres}: each once, as the next issue of its ledger line,
	 * in {@code virements-<exercice>-<run>-C<n>.xml}. A rejected transfer whose account is the same
	 * as the rejected one waits on: the bank would reject it again.
	 */
	public Reissued reissue(int exercice, long runId, Path correctedCentres, LocalDate executionDate) {
		return this.transferIssues.reissue(exercice, runId, correctedCentres, executionDate);
	}

	/** The next business day after {@code day} (Saturday and Sunday skipped; bank holidays are the bank's). */
	public static LocalDate nextBusinessDay(LocalDate day) {
		LocalDate next = day.plusDays(1);
		while (next.getDayOfWeek() == DayOfWeek.SATURDAY || next.getDayOfWeek() == DayOfWeek.SUNDAY) {
			next = next.plusDays(1);
		}
		return next;
	}

	Proposal proposal(int exercice, long runId) {
		return this.proposals.proposal(exercice, runId);
	}

}
