package fr.cds.remuneration.paymentimport;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.common.Checksums;
import fr.cds.remuneration.input.CsvRow;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.input.Validated;
import fr.cds.remuneration.output.RejectsFileWriter;
import fr.cds.remuneration.run.ExerciceLock;
import fr.cds.remuneration.run.JobOutcome;

/**
 * Imports the amounts an earlier system paid (advances, balances, regularisations) into the
 * ledger, so that balances and regularisations deduct them. All or nothing: one rejected row and
 * nothing is imported (a missing advance would be paid a second time by the balance); every row
 * read is either accepted or listed in the rejects file. Importing the same file twice adds nothing:
 * each reference is recorded once.
 */
@Component
public class PaymentImport {

	private final PaymentLedger ledger;

	private final ExerciceLock exerciceLock;

	private final TransactionTemplate transaction;

	/** No run has this id: every run's balances count. */
	private static final long NO_RUN = -1;

	public PaymentImport(PaymentLedger ledger, ExerciceLock exerciceLock, PlatformTransactionManager transactionManager) {
		this.ledger = ledger;
		this.exerciceLock = exerciceLock;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** Validates and imports {@code file}; rejects, if any, go to {@code rejectsFile}. Duplicates are refused. */
	public JobOutcome importFile(Path file, Path rejectsFile) {
		return importFile(file, rejectsFile, Optional.empty());
	}

	/**
	 * Validates and imports {@code file}. A row that repeats a payment already in the ledger or higher
	 * in the file under another reference (same centre, exercice, nature, amount and date) is refused
	 * unless {@code duplicateReason} says why it is a second, real payment; the reason is kept in the
	 * entry's origin.
	 */
	public JobOutcome importFile(Path file, Path rejectsFile, Optional<String> duplicateReason) {
		return importFile(file, rejectsFile, duplicateReason, Optional.empty());
	}

	/**
	 * As {@link #importFile(Path, Path, Optional)}, the centres of {@code centresFile} (a
	 * {@code centres.csv}) counting as known. An installation that knows no centre yet (no run, empty
	 * ledger) needs it: without it, every centre would be unknown, and the import is refused.
	 */
	public JobOutcome importFile(Path file, Path rejectsFile, Optional<String> duplicateReason,
			Optional<Path> centresFile) {
		List<CsvRow> rows;
		Set<String> declaredCentres;
		try {
			declaredCentres = centresFile.map(ImportCentres::read).orElse(Set.of());
			rows = PaymentImportFile.rows(file);
		}
		catch (InputFileException ex) {
			return JobOutcome.refused(ExitCode.INPUT_REFUSED, ex.getMessage() + "\nRien n'a été importé.");
		}
		if (centresFile.isEmpty() && !this.ledger.knowsAnyCentre()) {
			return JobOutcome.refused(ExitCode.INPUT_REFUSED, file.getFileName() + " : installation sans aucun centre"
					+ " connu (aucune exécution, registre des paiements vide), les centres du fichier ne peuvent pas être"
					+ " vérifiés. Rien n'a été importé. Donnez la liste des centres de l'exercice :"
					+ " import-payments --file " + file + " --centres <centres.csv>.");
		}

		PaymentImportRowValidator validator = new PaymentImportRowValidator(LocalDate.now(),
				"import " + file.getFileName() + " (sha256 " + Checksums.sha256(file) + ")");
		List<LedgerEntry> accepted = new ArrayList<>();
		List<Reject> rejects = new ArrayList<>();
		for (CsvRow row : rows) {
			Validated<LedgerEntry> validated = validator.validate(row);
			if (validated.isAccepted()) {
				LedgerEntry read = validated.value();
				LedgerEntry entry = read;
				Optional<Reject> problem = conflict(read, row).or(() -> unknownCentre(read, row, declaredCentres));
				if (problem.isEmpty()) {
					Optional<String> twin = duplicateOf(entry, accepted);
					if (twin.isPresent() && duplicateReason.isEmpty()) {
						problem = Optional.of(new Reject(row.file(), row.line(), entry.finess(), "reference",
								entry.reference(), "même paiement déjà enregistré sous la référence " + twin.get()
										+ " (centre, exercice, nature, montant et date identiques) : refusé sauf"
										+ " --accept-duplicates \"motif\""));
					}
					else if (twin.isPresent()) {
						entry = entry.withOrigin(entry.origin() + " ; doublon de " + twin.get() + " accepté : "
								+ abbreviated(duplicateReason.get()));
					}
				}
				if (problem.isPresent()) {
					rejects.add(problem.get());
				}
				else {
					accepted.add(entry);
				}
			}
			else {
				rejects.addAll(validated.rejects());
			}
		}
		long rejectedRows = rejects.stream().map(Reject::line).distinct().count();
		String counts = rows.size() + " ligne(s) lue(s), " + accepted.size() + " acceptée(s), " + rejectedRows + " rejetée(s)";
		if (!rejects.isEmpty()) {
			RejectsFileWriter.write(rejectsFile, rejects);
			return JobOutcome.refused(ExitCode.INPUT_REFUSED, file.getFileName() + " : " + counts
					+ ". Rien n'a été importé : corrigez les lignes listées dans " + rejectsFile + " et importez à nouveau le fichier.");
		}
		SortedSet<Integer> exercices = new TreeSet<>(accepted.stream().map(LedgerEntry::exercice).toList());
		List<ExerciceLock.Held> locks = new ArrayList<>();
		try {
			for (int exercice : exercices) {
				Optional<ExerciceLock.Held> lock = this.exerciceLock.tryAcquire(exercice);
				if (lock.isEmpty()) {
					return JobOutcome.refused(ExitCode.ALREADY_RUNNING, "L'exercice " + exercice
							+ " est en cours de traitement par un autre processus : rien n'a été importé. Importez une fois ce traitement fini.");
				}
				locks.add(lock.get());
			}
			long added = this.transaction.execute(status -> accepted.stream()
				.filter(entry -> this.ledger.record(entry) == PaymentLedger.Recorded.ADDED)
				.count());
			return new JobOutcome(ExitCode.OK, file.getFileName() + " : " + counts + " ; " + added + " ajoutée(s) au"
					+ " registre des paiements, " + (accepted.size() - added) + " déjà inscrite(s) sous la même référence."
					+ balancedWarning(exercices), null);
		}
		finally {
			locks.forEach(ExerciceLock.Held::close);
		}
	}

	/** A row for a centre that no run of this installation knows and the ledger has never paid. */
	private Optional<Reject> unknownCentre(LedgerEntry entry, CsvRow row, Set<String> declaredCentres) {
		return declaredCentres.contains(entry.finess()) || this.ledger.isKnownCentre(entry.finess()) ? Optional.empty()
				: Optional.of(new Reject(row.file(), row.line(), entry.finess(), "finess", entry.finess(),
						"centre inconnu : absent de tous les centres des exécutions et du registre des paiements"));
	}

	/** The reference of the same payment already in the ledger or earlier in the file, under another reference. */
	private Optional<String> duplicateOf(LedgerEntry entry, List<LedgerEntry> earlier) {
		return earlier.stream()
			.filter(other -> sameMoney(other, entry))
			.map(LedgerEntry::reference)
			.findFirst()
			.or(() -> this.ledger.entries(entry.exercice(), entry.finess(), entry.stream())
				.stream()
				.filter(other -> !other.reference().equals(entry.reference()) && sameMoney(other, entry))
				.map(LedgerEntry::reference)
				.findFirst());
	}

	private static boolean sameMoney(LedgerEntry a, LedgerEntry b) {
		return a.finess().equals(b.finess()) && a.exercice() == b.exercice() && a.stream() == b.stream()
				&& a.kind() == b.kind() && a.amountEuros().compareTo(b.amountEuros()) == 0
				&& java.util.Objects.equals(a.paidOn(), b.paidOn());
	}

	/** The origin column holds 300 characters: the reason is kept to 120. */
	private static String abbreviated(String reason) {
		String oneLine = reason.strip().replaceAll("\\s+", " ");
		return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 119) + "…";
	}

	/** A row whose reference the ledger already holds for another payment. */
	private Optional<Reject> conflict(LedgerEntry entry, CsvRow row) {
		return this.ledger.entry(entry.reference())
			.filter(existing -> !existing.samePaymentAs(entry))
			.map(existing -> new Reject(row.file(), row.line(), entry.finess(), "reference", entry.reference(),
					"référence déjà enregistrée pour un autre paiement (" + existing.finess() + ", exercice "
							+ existing.exercice() + ", " + existing.kind() + ", "
							+ existing.amountEuros().toPlainString() + " €)"));
	}

	/** Amounts imported for an exercice already balanced are only settled by a re-processing. */
	private String balancedWarning(SortedSet<Integer> exercices) {
		List<Integer> balanced = exercices.stream()
			.filter(e -> !this.ledger.balanceRuns(e, NO_RUN).isEmpty())
			.toList();
		return balanced.isEmpty() ? ""
				: "\nAttention : exercice(s) " + balanced + " dont les soldes sont déjà enregistrés ; les montants importés"
						+ " pour eux sont déduits par le prochain retraitement ('reprocess'), pas par les soldes déjà versés.";
	}

}
