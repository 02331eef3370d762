package fr.cds.remuneration.output;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run says about its held centres: the list for operations ({@code centres-en-attente.csv},
 * one row per reason) and, for each centre, a statement that says in French that nothing is paid yet,
 * why, and how to have it paid.
 */
public final class HeldCentresWriter {

	public static final String HELD_CENTRES = "centres-en-attente.csv";

	/** Suffix of a held centre's statement in {@code statements/}: {@code <FINESS>-en-attente.txt}. */
	public static final String STATEMENT_SUFFIX = "-en-attente.txt";

	private HeldCentresWriter() {
	}

	/** The list, with its header even when no centre is held, so that operations always find it. */
	public static void writeList(Path target, List<HeldCentre> held) {
		CsvOutput.write(target, true, printer -> {
			printer.printRecord(CsvOutput.row("finess", "raison_sociale", "type", "region", "motif"));
			for (HeldCentre centre : held) {
				for (String reason : centre.reasons()) {
					printer.printRecord(
							CsvOutput.row(centre.finess(), centre.name(), centre.typeLabel(), centre.regionName(), reason));
				}
			}
		});
	}

	public static void writeStatement(Path statements, HeldCentre centre, int exercice) {
		AtomicFiles.write(statements.resolve(centre.finess() + STATEMENT_SUFFIX), out -> {
			PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			w.println("Relevé de l'exercice " + exercice + " — centre EN ATTENTE");
			w.println();
			w.println("Centre : " + centre.name() + " (FINESS " + centre.finess() + "), " + centre.typeLabel() + ", "
					+ centre.regionName());
			w.println();
			w.println("Aucun montant n'est versé pour l'instant au titre de l'exercice " + exercice
					+ " : des données transmises pour le centre sont incomplètes ou invraisemblables, et les"
					+ " calculer sans elles pourrait fausser votre rémunération. Ce n'est pas un montant nul : le"
					+ " paiement est suspendu jusqu'à la correction.");
			w.println();
			w.println("Ce qui manque ou doit être vérifié :");
			centre.reasons().forEach(reason -> w.println("  - " + reason));
			w.println();
			w.println("Pour débloquer le paiement : transmettez à votre caisse les données corrigées du centre"
					+ " (centres.csv, declarations.csv, contracts.csv et patients.csv pour ce seul centre). Elles"
					+ " sont traitées comme une réclamation : la rémunération de l'exercice est alors calculée et"
					+ " versée une seule fois, avec un relevé détaillé.");
			w.flush();
		});
	}

}
