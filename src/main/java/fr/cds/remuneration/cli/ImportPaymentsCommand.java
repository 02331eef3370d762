package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.paymentimport.PaymentImport;
import fr.cds.remuneration.run.JobOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code import-payments}: record in the ledger the amounts an earlier system paid. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "import-payments", mixinStandardHelpOptions = true,
		description = { "Importe dans le registre des paiements les montants versés par un système antérieur (avances,",
				"soldes, régularisations), depuis un fichier CSV : finess;exercice;nature;montant_eur;date_paiement;reference.",
				"Tout ou rien : une ligne rejetée fait tout refuser, elle est listée dans le fichier des rejets (code 3).",
				"Importer à nouveau le même fichier n'ajoute rien : chaque référence est inscrite une seule fois." })
public class ImportPaymentsCommand implements Callable<Integer> {

	private final PaymentImport paymentImport;

	@Option(names = "--file", required = true, description = "Fichier CSV des paiements à importer.")
	Path file;

	@Option(names = "--output", defaultValue = "output",
			description = "Répertoire de sortie ; les rejets vont dans <output>/imports/<fichier>-rejects.csv (par défaut : ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--accept-duplicates", paramLabel = "MOTIF",
			description = "Accepte les lignes qui répètent un paiement déjà inscrit sous une autre référence (même centre,"
					+ " exercice, nature, montant et date), en disant pourquoi ce sont de vrais seconds paiements ; le motif"
					+ " est conservé avec chaque ligne.")
	String duplicateReason;

	@Option(names = "--centres", paramLabel = "CENTRES_CSV",
			description = "Un centres.csv dont les centres comptent comme connus : nécessaire sur une installation qui ne"
					+ " connaît encore aucun centre (aucun run, registre vide), où l'import est refusé sans lui.")
	Path centres;

	public ImportPaymentsCommand(PaymentImport paymentImport) {
		this.paymentImport = paymentImport;
	}

	@Override
	public Integer call() {
		String name = this.file.getFileName().toString().replaceFirst("\\.csv$", "");
		JobOutcome outcome = this.paymentImport.importFile(this.file,
				this.output.resolve("imports").resolve(name + "-rejects.csv"),
				java.util.Optional.ofNullable(this.duplicateReason).filter(reason -> !reason.isBlank()),
				java.util.Optional.ofNullable(this.centres));
		(outcome.exitCode() == ExitCode.OK ? System.out : System.err).println(outcome.message());
		return outcome.exitCode().code();
	}

}
