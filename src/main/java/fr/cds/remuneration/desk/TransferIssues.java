package fr.cds.remuneration.desk;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.transaction.support.TransactionTemplate;

import fr.cds.remuneration.annual.AnnualRun;
import fr.cds.remuneration.centre.BankAccount;
import fr.cds.remuneration.desk.RunProposals.Proposal;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.output.AtomicFiles;

/**
 * The bank side of the desk once a run is approved: the SEPA files written, a bank's status report
 * imported (rejected transfers marked), and transfers waiting for an account issued again.
 */
final class TransferIssues {

	private final BankTransferStore transfers;

	private final ApprovalStore approvals;

	private final RunProposals proposals;

	private final TransactionTemplate transaction;

	private final CreditTransferFile.Debtor debtor;

	TransferIssues(BankTransferStore transfers, ApprovalStore approvals, RunProposals proposals,
			TransactionTemplate transaction, CreditTransferFile.Debtor debtor) {
		this.transfers = transfers;
		this.approvals = approvals;
		this.proposals = proposals;
		this.transaction = transaction;
		this.debtor = debtor;
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

	/**
	 * Imports a bank's payment status report (pain.002): each rejected transaction marks its
	 * transfer rejected, with the bank's reason, to be corrected and issued again. A report naming
	 * a transfer this system never issued is refused as a whole.
	 */
	public PaymentDesk.StatusImported importStatus(String pain002Xml) {
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
		return new PaymentDesk.StatusImported(report.originalMessageId(), rejected, accepted[0], alreadyKnown);
	}

	/**
	 * Issues again the run's transfers that wait for an account (held, or rejected by the bank),
	 * to the accounts of {@code correctedCentres}: each once, as the next issue of its ledger line,
	 * in {@code virements-<exercice>-<run>-C<n>.xml}. A rejected transfer whose account is the same
	 * as the rejected one waits on: the bank would reject it again.
	 */
	public PaymentDesk.Reissued reissue(int exercice, long runId, Path correctedCentres, LocalDate executionDate) {
		Proposal proposal = this.proposals.proposal(exercice, runId);
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
			return new PaymentDesk.Reissued(List.of(), waiting, Optional.empty());
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
		return new PaymentDesk.Reissued(recorded, waiting, Optional.of(file));
	}

	void writeBankFile(Path file, String messageId, List<BankTransfer> transfers) {
		String xml = CreditTransferFile.xml(messageId, OffsetDateTime.now(), this.debtor, transfers);
		AtomicFiles.write(file, out -> out.write(xml.getBytes(StandardCharsets.UTF_8)));
	}

	static BankTransfer withFile(BankTransfer t, Path file) {
		return new BankTransfer(t.endToEndId(), t.reference(), t.issue(), t.runId(), t.exercice(), t.finess(), t.stream(),
				t.kind(), t.amountEuros(), t.iban(), t.bic(), t.executionDate(), file.getFileName().toString(), t.status(),
				t.statusReason());
	}

}
