package fr.cds.remuneration.output;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import fr.cds.remuneration.common.FrenchFormat;

/** Writes the {@code run-report.txt} of a re-processing, the operators' summary, in French. */
public final class RegularisationReportWriter {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private RegularisationReportWriter() {
	}

	public static void write(Path target, RegularisationReport report) {
		AtomicFiles.write(target, out -> {
			PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			w.println("Rapport de re-liquidation — rémunération forfaitaire des centres de santé");
			w.println();
			w.println("Exercice                 : " + report.exercice());
			w.println("Run                      : " + report.runId() + " (exécution " + report.executionId() + ")");
			w.println("Traitement annuel        : run " + report.baseRunId() + " (données figées de l'exercice)");
			w.println("Règles appliquées        : " + report.ruleSet() + " (sha256 " + report.ruleSetSha256() + ")");
			w.println("Règles précédentes       : " + String.join(", ", report.previousRuleSets()));
			w.println("Centres                  : " + (report.centres().isEmpty() ? "tous les centres de l'exercice"
					: String.join(", ", report.centres())));
			if (report.correctedFiles().isEmpty()) {
				w.println("Données corrigées        : aucune (données figées du traitement annuel et des réclamations)");
			}
			else {
				w.println("Données corrigées (lignes lues = acceptées + rejetées)");
				report.correctedFiles().forEach(file -> w.println(RunReportWriter.fileLine(file)));
			}
			w.println("Début                    : " + (report.started() == null ? "" : TIME.format(report.started())));
			w.println("Durée                    : "
					+ String.format(Locale.FRANCE, "%.1f s", report.duration().toMillis() / 1000.0));
			w.println();
			w.println("Résultats");
			w.println("  Centres recalculés      : " + report.centresRecomputed());
			w.println("  Compléments             : " + report.supplements() + " pour "
					+ FrenchFormat.euros(report.supplementsEuros()));
			w.println("  Indus (à reverser)      : " + report.recoveries() + " pour "
					+ FrenchFormat.euros(report.recoveriesEuros()));
			w.println("  Lignes de paiement      : " + report.paymentLines() + " régularisations pour "
					+ FrenchFormat.euros(report.paymentsEuros()) + " (net)");
			w.flush();
		});
	}

}
