package fr.cds.remuneration.output;

import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.snapshot.RunStore.FileCounts;

/** Writes {@code run-report.txt}, the operators' summary of a run, in French. */
public final class RunReportWriter {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

	private RunReportWriter() {
	}

	/** An input file's counts and checksum, as one report line. */
	static String fileLine(FileCounts file) {
		return String.format("  %-18s lues %10d   acceptées %10d   rejetées %8d   sha256 %s", file.file(), file.read(),
				file.accepted(), file.rejected(), file.sha256());
	}

	public static void write(Path target, RunReport report) {
		AtomicFiles.write(target, out -> {
			PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			w.println("Rapport d'exécution — rémunération forfaitaire et autres paiements des centres de santé");
			w.println();
			w.println("Exercice                 : " + report.exercice());
			w.println("Jeu de règles            : " + report.ruleSet() + " (sha256 " + report.ruleSetSha256() + ")");
			w.println("Dernier texte applicable : " + report.latestText().label() + " [" + report.latestText().id() + "]");
			w.println("Run                      : " + report.runId() + " (exécution " + report.executionId() + ")");
			w.println("Extraction des patients  : " + FrenchFormat.date(report.extractionDate()));
			w.println("Empreinte des entrées    : " + report.inputChecksum());
			w.println("Début                    : " + (report.started() == null ? "" : TIME.format(report.started())));
			w.println("Durée                    : " + String.format(java.util.Locale.FRANCE, "%.1f s",
					report.duration().toMillis() / 1000.0));
			w.println();
			w.println("Fichiers d'entrée (lignes lues = acceptées + rejetées)");
			report.files().forEach(file -> w.println(fileLine(file)));
			w.println();
			w.println("Résultats");
			w.println("  Centres calculés        : " + report.centres());
			w.println("  Centres payés (forfait) : " + report.centresPaid());
			w.println("  Socle non atteint       : " + report.centresSocleFailed());
			w.println("  Total des relevés       : " + FrenchFormat.euros(report.totalEuros()));
			report.totalsByStream()
				.forEach((stream, total) -> w.println(String.format("    dont %-25s: %s", stream.label(),
						FrenchFormat.euros(total))));
			w.println("  Déjà versé (avances)    : " + FrenchFormat.euros(report.alreadyRecordedEuros()));
			w.println("  Lignes de paiement      : " + report.paymentLines() + " soldes (centre et flux) pour "
					+ FrenchFormat.euros(report.paymentsTotal()));
			if (!report.unsettledCentres().isEmpty()) {
				w.println("  ATTENTION : montants enregistrés pour des centres absents de ce traitement, non soldés : "
						+ String.join(", ", report.unsettledCentres()));
			}
			w.println("  Problèmes rejetés       : " + report.rejectProblems() + " (voir rejects.csv)");
			w.println("  Centres en attente      : " + report.heldCentres().size()
					+ (report.heldCentres().isEmpty() ? "" : " — non calculés ni payés (voir centres-en-attente.csv)"));
			for (HeldCentre held : report.heldCentres()) {
				w.println("    " + held.finess() + " " + held.name());
				held.reasons().forEach(reason -> w.println("      - " + reason));
			}
			w.flush();
		});
	}

}
