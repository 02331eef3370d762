package fr.cds.remuneration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.desk.BankTransfer;
import fr.cds.remuneration.desk.DeskRefusal;
import fr.cds.remuneration.desk.PaymentDesk;
import fr.cds.remuneration.desk.RunApproval;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.output.HeldCentre;
import fr.cds.remuneration.run.ExerciceLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The payer's desk commands: {@code approve} and {@code reject} a run's proposed payment lines,
 * {@code bank-status} imports the bank's status report, {@code bank-reissue} issues the corrected
 * transfers. Every refusal is exit code 9 and changes nothing.
 */
public final class DeskCommands {

	private DeskCommands() {
	}

	/** Runs {@code action} under the exercice's lock, mapping the desk's refusals to exit 9. */
	static int underLock(ExerciceLock lock, int exercice, Callable<Integer> action) {
		Optional<ExerciceLock.Held> held = lock.tryAcquire(exercice);
		if (held.isEmpty()) {
			System.err.println("L'exercice " + exercice + " est en cours de traitement par un autre processus : rien n'a changé.");
			return ExitCode.ALREADY_RUNNING.code();
		}
		try (ExerciceLock.Held h = held.get()) {
			return action.call();
		}
		catch (DeskRefusal ex) {
			System.err.println(ex.getMessage());
			return ExitCode.APPROVAL_REFUSED.code();
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The centres held for their inputs: no payment line, so the decision did not include them; the
	 * operator sees them and why.
	 */
	static void printHeldCentres(List<HeldCentre> held) {
		for (HeldCentre centre : held) {
			System.out.println("Centre en attente " + centre.finess() + " " + centre.name() + " (" + centre.regionName()
					+ ") : non calculé, non payé, hors de cette décision. Motif : " + String.join(" ; ", centre.reasons())
					+ ". Il sera payé par un re-traitement de ses données corrigées.");
		}
	}

	static String euros(java.math.BigDecimal amount) {
		return FrenchFormat.euros(amount);
	}

	/**
	 * What the commands that decide on one run of an exercice share ({@code approve},
	 * {@code reject}, {@code bank-reissue}): the desk, the exercice and its lock, held while the
	 * decision is made.
	 */
	abstract static class RunDecision implements Callable<Integer> {

		final PaymentDesk desk;

		private final ExerciceLock lock;

		@Option(names = "--exercice", required = true, description = "L'exercice.")
		int exercice;

		RunDecision(PaymentDesk desk, ExerciceLock lock) {
			this.desk = desk;
			this.lock = lock;
		}

		/** Runs {@code action} under the exercice's lock; a refusal of the desk is exit 9. */
		int decide(Callable<Integer> action) {
			return underLock(this.lock, this.exercice, action);
		}

		/** The requested execution date of transfers, or the next business day after {@code today}. */
		static LocalDate orNextBusinessDay(LocalDate requested, LocalDate today) {
			return requested != null ? requested : PaymentDesk.nextBusinessDay(today);
		}

	}

	/** {@code approve}: a second operator releases a run's payment lines. */
	@Component
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@Command(name = "approve", mixinStandardHelpOptions = true,
			description = { "Approuve les lignes de paiement proposées par un run terminé (run annuel ou retraitement).",
					"L'opérateur qui approuve ne doit pas être celui qui a lancé le run. Les lignes approuvées sont",
					"ordonnancées au registre et leurs virements écrits dans virements-<exercice>-<run>.xml",
					"(SEPA pain.001.001.09) à côté du payments.csv du run. Refusé (code 9) si les entrées ou",
					"les règles ont changé depuis le run, ou si un run antérieur de l'exercice attend encore sa décision." })
	public static class Approve extends RunDecision {

		@Option(names = "--run", required = true, description = "Identifiant du run (voir 'runs').")
		long run;

		@Option(names = "--operator", required = true, description = "Nom de l'opérateur qui approuve.")
		String operator;

		@Option(names = "--execution-date",
				description = "Date d'exécution demandée des virements (par défaut : le prochain jour ouvré).")
		LocalDate executionDate;

		public Approve(PaymentDesk desk, ExerciceLock lock) {
			super(desk, lock);
		}

		@Override
		public Integer call() {
			return decide(() -> {
				LocalDate today = LocalDate.now();
				PaymentDesk.Approved approved = this.desk.approve(this.exercice, this.run, this.operator, today,
						orNextBusinessDay(this.executionDate, today));
				RunApproval a = approved.approval();
				System.out.println("Run " + a.runId() + " (exercice " + a.exercice() + ") approuvé par " + a.decidedBy()
						+ ", proposé par " + a.proposedBy() + " : " + a.lineCount() + " lignes, total net "
						+ euros(a.totalEuros()) + ".");
				approved.bankFile().ifPresentOrElse(
						file -> System.out.println("Virements : " + a.transferCount() + " pour " + euros(a.transferTotalEuros())
								+ " dans " + file),
						() -> System.out.println("Aucun virement à émettre."));
				for (BankTransfer held : approved.held()) {
					System.out.println("Virement retenu " + held.endToEndId() + " (" + held.finess() + ", "
							+ euros(held.amountEuros()) + ") : " + held.statusReason()
							+ ". Fournir l'IBAN puis 'bank-reissue'.");
				}
				for (LedgerEntry recovery : approved.recoveries()) {
					System.out.println("Recouvrement " + recovery.reference() + " (" + recovery.finess() + ", "
							+ euros(recovery.amountEuros().negate()) + ") : avis de sommes à payer, pas de virement.");
				}
				printHeldCentres(this.desk.heldCentres(this.exercice, this.run));
				return ExitCode.OK.code();
			});
		}

	}

	/** {@code reject}: a second operator sends a run's payment lines back. */
	@Component
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@Command(name = "reject", mixinStandardHelpOptions = true,
			description = { "Rejette les lignes de paiement proposées par un run terminé : elles sont annulées au registre et",
					"jamais versées. Le motif est inscrit. Une correction passe ensuite par 'reprocess'." })
	public static class Reject extends RunDecision {

		@Option(names = "--run", required = true, description = "Identifiant du run (voir 'runs').")
		long run;

		@Option(names = "--operator", required = true, description = "Nom de l'opérateur qui rejette.")
		String operator;

		@Option(names = "--reason", required = true, description = "Pourquoi les lignes sont renvoyées.")
		String reason;

		public Reject(PaymentDesk desk, ExerciceLock lock) {
			super(desk, lock);
		}

		@Override
		public Integer call() {
			if (this.reason.isBlank()) {
				System.err.println("--reason est obligatoire : le motif du rejet.");
				return ExitCode.USAGE.code();
			}
			return decide(() -> {
				RunApproval r = this.desk.reject(this.exercice, this.run, this.operator, this.reason);
				System.out.println("Run " + r.runId() + " (exercice " + r.exercice() + ") rejeté par " + r.decidedBy()
						+ " : " + r.lineCount() + " lignes annulées (" + euros(r.totalEuros()) + "). Motif : " + r.reason());
				printHeldCentres(this.desk.heldCentres(this.exercice, this.run));
				return ExitCode.OK.code();
			});
		}

	}

	/** {@code bank-status}: imports a pain.002 status report. */
	@Component
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@Command(name = "bank-status", mixinStandardHelpOptions = true,
			description = { "Importe le compte rendu de la banque (pain.002.001.10) : les virements rejetés sont marqués",
					"au registre et listés pour correction ('bank-reissue')." })
	public static class BankStatus implements Callable<Integer> {

		private final PaymentDesk desk;

		@Option(names = "--file", required = true, description = "Le fichier XML pain.002.")
		Path file;

		public BankStatus(PaymentDesk desk) {
			this.desk = desk;
		}

		@Override
		public Integer call() throws IOException {
			if (!Files.isRegularFile(this.file)) {
				System.err.println(this.file + " : fichier introuvable.");
				return ExitCode.USAGE.code();
			}
			try {
				PaymentDesk.StatusImported imported = this.desk
					.importStatus(Files.readString(this.file, StandardCharsets.UTF_8));
				System.out.println("Rapport de la banque sur " + imported.originalMessageId() + " : " + imported.accepted()
						+ " virement(s) acceptés, " + imported.rejected().size() + " rejeté(s).");
				for (BankTransfer t : imported.rejected()) {
					System.out.println("À corriger : " + t.endToEndId() + " " + t.finess() + " " + euros(t.amountEuros())
							+ " sur " + t.iban() + " : " + t.statusReason());
				}
				imported.alreadyKnown()
					.forEach(id -> System.out.println("Déjà enregistré, inchangé : " + id));
				return ExitCode.OK.code();
			}
			catch (DeskRefusal ex) {
				System.err.println(ex.getMessage());
				return ExitCode.APPROVAL_REFUSED.code();
			}
		}

	}

	/** {@code bank-reissue}: issues held or rejected transfers to corrected accounts, once. */
	@Component
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@Command(name = "bank-reissue", mixinStandardHelpOptions = true,
			description = { "Émet les virements d'un run approuvé qui étaient retenus (sans IBAN) ou rejetés par la banque,",
					"vers les comptes d'un fichier des centres corrigé (au moins les colonnes finess, iban, bic).",
					"Chacun est émis une seule fois, dans virements-<exercice>-<run>-C<n>.xml ; un virement rejeté",
					"dont l'IBAN n'a pas changé reste en attente." })
	public static class BankReissue extends RunDecision {

		@Option(names = "--run", required = true, description = "Identifiant du run approuvé.")
		long run;

		@Option(names = "--centres", required = true, description = "Fichier des centres corrigé (finess;iban;bic...).")
		Path centres;

		@Option(names = "--execution-date",
				description = "Date d'exécution demandée (par défaut : le prochain jour ouvré).")
		LocalDate executionDate;

		public BankReissue(PaymentDesk desk, ExerciceLock lock) {
			super(desk, lock);
		}

		@Override
		public Integer call() {
			if (!Files.isRegularFile(this.centres)) {
				System.err.println(this.centres + " : fichier introuvable.");
				return ExitCode.USAGE.code();
			}
			return decide(() -> {
				PaymentDesk.Reissued reissued = this.desk.reissue(this.exercice, this.run, this.centres,
						orNextBusinessDay(this.executionDate, LocalDate.now()));
				reissued.bankFile().ifPresentOrElse(
						file -> System.out.println(reissued.sent().size() + " virement(s) corrigé(s) émis dans " + file),
						() -> System.out.println("Aucun virement à réémettre."));
				for (BankTransfer t : reissued.stillWaiting()) {
					System.out.println("En attente : " + t.endToEndId() + " " + t.finess() + " (" + t.status().label()
							+ ") : compte corrigé absent ou identique.");
				}
				return ExitCode.OK.code();
			});
		}

	}

}
