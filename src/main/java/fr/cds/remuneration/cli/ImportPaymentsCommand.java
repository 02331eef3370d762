package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.paymentimport.PaymentImport;
import fr.cds.remuneration.run.JobOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code import-payments}: record in the ledger the amounts an earlier system paid. */
@Component
@Command(name = "import-payments", mixinStandardHelpOptions = true,
		description = { "Import the amounts paid by an earlier system (advances, balances, regularisations) into the",
				"payment ledger, from a CSV file: finess;exercice;nature;montant_eur;date_paiement;reference.",
				"All or nothing: a rejected row imports nothing and is listed in the rejects file (exit code 3).",
				"Importing the same file again adds nothing: each reference is recorded once." })
public class ImportPaymentsCommand implements Callable<Integer> {

	private final PaymentImport paymentImport;

	@Option(names = "--file", required = true, description = "The CSV file of payments to import.")
	Path file;

	@Option(names = "--output", defaultValue = "output",
			description = "Output directory; rejects go to <output>/imports/<file>-rejects.csv (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--accept-duplicates", paramLabel = "MOTIF",
			description = "Accept rows that repeat a payment already recorded under another reference (same centre,"
					+ " exercice, nature, amount and date), giving why they are real second payments; the reason is"
					+ " kept with each entry.")
	String duplicateReason;

	public ImportPaymentsCommand(PaymentImport paymentImport) {
		this.paymentImport = paymentImport;
	}

	@Override
	public Integer call() {
		String name = this.file.getFileName().toString().replaceFirst("\\.csv$", "");
		JobOutcome outcome = this.paymentImport.importFile(this.file,
				this.output.resolve("imports").resolve(name + "-rejects.csv"),
				java.util.Optional.ofNullable(this.duplicateReason).filter(reason -> !reason.isBlank()));
		(outcome.exitCode() == ExitCode.OK ? System.out : System.err).println(outcome.message());
		return outcome.exitCode().code();
	}

}
