package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.annual.AnnualPaymentJobConfiguration;
import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.desk.BankTransfer;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.desk.DeskRefusal;
import fr.cds.remuneration.desk.PaymentDesk;
import fr.cds.remuneration.output.SyntheseWorkbookWriter;
import fr.cds.remuneration.snapshot.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code synthese}: the regions' workbook of a completed run. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "synthese", mixinStandardHelpOptions = true,
		description = { "Écrit synthese-<exercice>.xlsx : une feuille nationale et une feuille par région, une ligne par centre",
				"(FINESS en texte, montants par flux de paiement, verdict du socle et indicateurs non atteints, virements",
				"retenus, et les centres en attente pour leurs données : « en attente », sans montant, avec le motif),",
				"à côté des sorties du run sauf si --output en décide autrement." })
public class SyntheseCommand implements Callable<Integer> {

	private final RunStore store;

	private final PaymentDesk desk;

	@Option(names = "--exercice", required = true, description = "L'exercice.")
	int exercice;

	@Option(names = "--run", description = "Le run (par défaut : le run annuel terminé de l'exercice).")
	Long run;

	@Option(names = "--output", description = "Répertoire où écrire (par défaut : le répertoire de sortie du run).")
	Path output;

	public SyntheseCommand(RunStore store, PaymentDesk desk) {
		this.store = store;
		this.desk = desk;
	}

	@Override
	public Integer call() {
		Optional<Long> runId = this.run != null ? Optional.of(this.run)
				: this.store.latestCompletedRun(AnnualPaymentJobConfiguration.JOB_NAME, this.exercice);
		if (runId.isEmpty()) {
			System.err.println("L'exercice " + this.exercice + " n'a pas de run annuel terminé.");
			return ExitCode.USAGE.code();
		}
		try {
			Path directory = this.output != null ? this.output : this.desk.outputDirectory(this.exercice, runId.get());
			Map<String, String> held = new HashMap<>();
			for (BankTransfer t : this.desk.transfers(this.exercice)) {
				if (t.runId() == runId.get() && t.status().awaitsCorrection()) {
					held.merge(t.finess(), t.status().label() + (t.statusReason() == null ? "" : " : " + t.statusReason()),
							(a, b) -> a.equals(b) ? a : a + " ; " + b);
				}
			}
			List<SyntheseWorkbookWriter.CentreRow> rows = new ArrayList<>(this.store.results(runId.get())
				.stream()
				.map(r -> new SyntheseWorkbookWriter.CentreRow(r, held.getOrDefault(r.centre().finess(), "")))
				.toList());
			// centres held for their inputs have no result: a row each, with why
			Map<String, Centre> centres = this.store.centres(runId.get());
			this.store.heldCentres(runId.get())
				.forEach((finess, reasons) -> rows.add(SyntheseWorkbookWriter.CentreRow
					.heldCentre(CentreResult.CentreIdentity.of(centres.get(finess)), reasons)));
			Path file = directory.resolve(SyntheseWorkbookWriter.fileName(this.exercice));
			SyntheseWorkbookWriter.write(file, rows);
			System.out.println(rows.size() + " centres dans " + file);
			return ExitCode.OK.code();
		}
		catch (DeskRefusal ex) {
			System.err.println(ex.getMessage());
			return ExitCode.USAGE.code();
		}
	}

}
