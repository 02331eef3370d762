package fr.cds.remuneration.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.desk.BankTransfer;
import fr.cds.remuneration.desk.PaymentDesk;
import fr.cds.remuneration.desk.RunApproval;
import fr.cds.remuneration.ledger.LedgerConflictException;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.ledger.PaymentStatus;
import fr.cds.remuneration.run.ExerciceLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ledger}: lists what the payment ledger holds for an exercice, or records that payments
 * were ordered or paid (the payer's accounting confirms them). A prototype: picocli takes a
 * command's current field values as its defaults, so a singleton would carry one invocation's
 * options into the next one of the same process.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "ledger", mixinStandardHelpOptions = true,
		description = { "Liste le registre des paiements d'un exercice (chaque montant avec sa nature, sa référence, son",
				"statut et ses dates, et le net par centre), ou inscrit que des paiements ont été ordonnancés ou versés :",
				"  ledger --exercice 2024 [--finess 750000101]",
				"  ledger --exercice 2024 --status PAID --date 2025-04-30 --reference RFS-2024-750000101-SOLDE-R1 [...]" })
public class LedgerCommand implements Callable<Integer> {

	private final PaymentLedger ledger;

	private final ExerciceLock exerciceLock;

	private final PaymentDesk desk;

	@Option(names = "--exercice", required = true, description = "L'exercice.")
	int exercice;

	@Option(names = "--finess", description = "Seulement ce centre.")
	String finess;

	@Option(names = "--status", description = "ORDERED ou PAID : inscrit que les paiements désignés ont avancé.")
	PaymentStatus status;

	@Option(names = "--date", description = "Date à laquelle ils ont été ordonnancés ou versés (aaaa-mm-jj), avec --status.")
	LocalDate date;

	@Option(names = "--reference", description = "Référence de paiement (répétez l'option pour plusieurs), avec --status.")
	List<String> references = new ArrayList<>();

	private final TransactionTemplate transaction;

	public LedgerCommand(PaymentLedger ledger, ExerciceLock exerciceLock, PaymentDesk desk,
			PlatformTransactionManager transactionManager) {
		this.ledger = ledger;
		this.exerciceLock = exerciceLock;
		this.desk = desk;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Override
	public Integer call() {
		if (this.status == null) {
			print(System.out, this.ledger.entries(this.exercice, Optional.ofNullable(this.finess)));
			printDesk(System.out);
			return ExitCode.OK.code();
		}
		if (this.status == PaymentStatus.COMPUTED || this.status == PaymentStatus.CANCELLED || this.date == null || this.references.isEmpty()) {
			System.err.println("--status ORDERED ou PAID demande --date et au moins une --reference.");
			return ExitCode.USAGE.code();
		}
		Optional<ExerciceLock.Held> lock = this.exerciceLock.tryAcquire(this.exercice);
		if (lock.isEmpty()) {
			System.err.println("L'exercice " + this.exercice + " est en cours de traitement par un autre processus : rien n'a été modifié.");
			return ExitCode.ALREADY_RUNNING.code();
		}
		try (ExerciceLock.Held held = lock.get()) {
			for (String reference : this.references) {
				Optional<LedgerEntry> line = this.ledger.entry(reference);
				if (line.isPresent() && !this.desk.isReleased(line.get())) {
					System.err.println(reference + " : la ligne du run " + line.get().runId()
							+ " n'est pas approuvée ('approve') : elle ne peut être ni ordonnancée ni versée.");
					return ExitCode.APPROVAL_REFUSED.code();
				}
				Optional<String> unsent = line.flatMap(this.desk::transferNotSent);
				if (this.status == PaymentStatus.PAID && unsent.isPresent()) {
					System.err.println(reference + " : " + unsent.get() + " : la ligne ne peut pas être versée.");
					return ExitCode.APPROVAL_REFUSED.code();
				}
			}
			// all or nothing: every reference is checked before any moves, and the moves are one transaction
			List<LedgerEntry> moved = this.transaction.execute(status -> {
				this.ledger.checkAdvance(this.references, this.status, this.date, LocalDate.now());
				return this.references.stream().map(r -> this.ledger.advance(r, this.status, this.date)).toList();
			});
			moved.forEach(entry -> System.out.println(entry.reference() + ": " + entry.status() + " (" + entry.date() + ")"));
			return ExitCode.OK.code();
		}
		catch (LedgerConflictException ex) {
			System.err.println(ex.getMessage());
			return ExitCode.INPUT_REFUSED.code();
		}
	}

	/**
	 * The payer's desk: who proposed and who decided each run's lines, with the approved totals,
	 * then the transfers (those rejected by the bank or held, to correct). Printed only once the
	 * exercice has a decision, so that the listing of an exercice without one is unchanged.
	 */
	private void printDesk(PrintStream out) {
		List<RunApproval> decisions = this.desk.decisions(this.exercice);
		if (decisions.isEmpty()) {
			return;
		}
		out.println();
		out.println("ORDONNANCEMENT");
		for (RunApproval d : decisions) {
			out.println(String.format("run %d (%s) proposé par %s, %s par %s le %s : %d lignes, total %s, %d virements pour %s%s",
					d.runId(), d.jobName(), d.proposedBy(), d.decision().label(), d.decidedBy(),
					d.decidedAt().withNano(0), d.lineCount(), d.totalEuros().toPlainString(), d.transferCount(),
					d.transferTotalEuros().toPlainString(), d.reason() == null ? "" : ", motif : " + d.reason()));
		}
		List<BankTransfer> transfers = this.desk.transfers(this.exercice)
			.stream()
			.filter(t -> this.finess == null || t.finess().equals(this.finess))
			.toList();
		if (transfers.isEmpty()) {
			return;
		}
		out.println();
		out.println("VIREMENTS");
		for (BankTransfer t : transfers) {
			out.println(String.format("%-9s %-35s %12s  %-32s %s%s", t.finess(), t.endToEndId(),
					t.amountEuros().toPlainString(), t.status().label(), t.bankFile() == null ? "-" : t.bankFile(),
					t.statusReason() == null ? "" : " (" + t.statusReason() + ")"));
		}
		long toCorrect = transfers.stream().filter(t -> t.status().awaitsCorrection()).count();
		if (toCorrect > 0) {
			out.println(toCorrect + " virement(s) à corriger : 'bank-reissue --exercice " + this.exercice
					+ " --run <run> --centres <fichier corrigé>'.");
		}
	}

	private static void print(PrintStream out, List<LedgerEntry> entries) {
		Map<String, BigDecimal> net = new TreeMap<>();
		out.println(String.format("%-9s %-14s %12s  %-9s %-10s %s", "FINESS", "NATURE", "MONTANT", "STATUT", "DATE",
				"REFERENCE / ORIGINE"));
		for (LedgerEntry entry : entries) {
			out.println(String.format("%-9s %-14s %12s  %-9s %-10s %s (%s)", entry.finess(), entry.kind(),
					entry.amountEuros().toPlainString(), entry.status(), entry.date(), entry.reference(), entry.origin()));
			net.merge(entry.finess(), entry.amountEuros(), BigDecimal::add);
		}
		out.println();
		net.forEach((finess, amount) -> out.println(String.format("%-9s net %12s", finess, amount.toPlainString())));
		out.println(entries.size() + " ligne(s), " + net.size() + " centre(s), total "
				+ net.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
	}

}
