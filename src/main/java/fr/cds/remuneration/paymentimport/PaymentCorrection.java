package fr.cds.remuneration.paymentimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.cds.remuneration.ledger.LedgerConflictException;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.ledger.PaymentStatus;
import fr.cds.remuneration.run.ExerciceLock;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.run.JobOutcome;

/**
 * The correction of a payment already marked PAID (issue 15 §7): the ledger is an audit trail, so
 * the entry keeps its date and amount, and the correction is two new entries with the reason,
 * both PAID: the reversal of the original ({@code <REF>-ANNUL}, minus its amount, on its date) and
 * the payment as it really was ({@code <REF>-CORR}, on the corrected date, with the corrected
 * amount). The centre's total paid moves by the amount's difference only. A payment corrected once
 * is corrected again through its {@code -CORR} entry; the command is all or nothing.
 */
@Component
public class PaymentCorrection {

	static final String REVERSAL = "-ANNUL";

	static final String CORRECTED = "-CORR";

	private final PaymentLedger ledger;

	private final ExerciceLock exerciceLock;

	private final TransactionTemplate transaction;

	public PaymentCorrection(PaymentLedger ledger, ExerciceLock exerciceLock, PlatformTransactionManager transactionManager) {
		this.ledger = ledger;
		this.exerciceLock = exerciceLock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** What the operator asked: the payment, its real date and amount (empty: unchanged), and why. */
	public record Request(String reference, LocalDate paidOn, Optional<BigDecimal> amountEuros, String reason) {
	}

	public JobOutcome correct(Request request, LocalDate today) {
		if (request.reason() == null || request.reason().isBlank()) {
			return JobOutcome.refused(ExitCode.USAGE, "--reason est obligatoire : une correction du registre est motivée.");
		}
		Optional<LedgerEntry> found = this.ledger.entry(request.reference());
		if (found.isEmpty()) {
			return refused("aucun paiement de référence " + request.reference() + " dans le registre");
		}
		LedgerEntry original = found.get();
		Optional<String> problem = problem(original, request, today);
		if (problem.isPresent()) {
			return refused(problem.get());
		}
		Optional<ExerciceLock.Held> lock = this.exerciceLock.tryAcquire(original.exercice());
		if (lock.isEmpty()) {
			return JobOutcome.refused(ExitCode.ALREADY_RUNNING, this.exerciceLock.refusal(original.exercice())
					+ " Rien n'a été modifié.");
		}
		try (ExerciceLock.Held held = lock.get()) {
			BigDecimal amount = request.amountEuros().orElse(original.amountEuros());
			String why = " : " + request.reason().strip();
			LedgerEntry reversal = new LedgerEntry(original.reference() + REVERSAL, original.finess(),
					original.exercice(), original.stream(), original.kind(), original.amountEuros().negate(),
					original.ruleSet(), null, null, "contre-passation de " + original.reference() + why,
					PaymentStatus.PAID, today, original.paidOn(), original.paidOn());
			LedgerEntry corrected = new LedgerEntry(original.reference() + CORRECTED, original.finess(),
					original.exercice(), original.stream(), original.kind(), amount, original.ruleSet(), null, null,
					"correction de " + original.reference() + " (versé le " + request.paidOn() + ", " + amount.toPlainString()
							+ " €)" + why,
					PaymentStatus.PAID, today, request.paidOn(), request.paidOn());
			this.transaction.executeWithoutResult(status -> {
				if (this.ledger.record(reversal) != PaymentLedger.Recorded.ADDED
						|| this.ledger.record(corrected) != PaymentLedger.Recorded.ADDED) {
					throw new LedgerConflictException(original.reference() + " a déjà été corrigé : corrigez "
							+ original.reference() + CORRECTED + " ; rien n'a été modifié");
				}
			});
			return new JobOutcome(ExitCode.OK, original.reference() + " corrigé : " + reversal.reference() + " ("
					+ reversal.amountEuros().toPlainString() + " € au " + original.paidOn() + ") et " + corrected.reference()
					+ " (" + amount.toPlainString() + " € au " + request.paidOn() + ") enregistrés ; " + original.reference()
					+ " reste tel quel.", null);
		}
		catch (LedgerConflictException ex) {
			return refused(ex.getMessage());
		}
	}

	private Optional<String> problem(LedgerEntry original, Request request, LocalDate today) {
		if (original.status() != PaymentStatus.PAID) {
			return Optional.of("le paiement " + original.reference() + " est " + original.status() + ", pas PAID : il"
					+ " n'y a rien à corriger, enregistrez son versement avec 'ledger --status PAID'");
		}
		if (request.paidOn().isAfter(today)) {
			return Optional.of("date " + request.paidOn() + " dans le futur : une date de paiement est celle d'un fait"
					+ " accompli");
		}
		if (original.reference().endsWith(REVERSAL)) {
			return Optional.of(original.reference() + " est une contre-passation : elle ne se corrige pas");
		}
		BigDecimal amount = request.amountEuros().orElse(original.amountEuros());
		if (request.paidOn().equals(original.paidOn()) && amount.compareTo(original.amountEuros()) == 0) {
			return Optional.of(original.reference() + " est déjà versé le " + original.paidOn() + " pour "
					+ original.amountEuros().toPlainString() + " € : rien à corriger");
		}
		List<String> already = List.of(original.reference() + REVERSAL, original.reference() + CORRECTED);
		if (already.stream().anyMatch(r -> this.ledger.entry(r).isPresent())) {
			return Optional.of(original.reference() + " a déjà été corrigé : corrigez " + original.reference() + CORRECTED);
		}
		return Optional.empty();
	}

	private static JobOutcome refused(String problem) {
		return JobOutcome.refused(ExitCode.INPUT_REFUSED, problem + " ; rien n'a été modifié.");
	}

}
