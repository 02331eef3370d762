package fr.cds.remuneration.output;

import java.nio.file.Path;

import fr.cds.remuneration.common.FrenchFormat;

/**
 * Writes {@code <FINESS>.csv} of a regularisation: the header fields as {@code Rubrique;Valeur},
 * the payment section, the recovery notice when the centre owes money back, then one row per
 * indicator with its previous and new amounts, the difference and its cause, and a total row. For
 * a French spreadsheet (BOM, {@code ;}, decimal comma).
 */
public final class RegularisationCsvWriter {

	private RegularisationCsvWriter() {
	}

	public static void write(Path target, RegularisationView view) {
		CsvOutput.write(target, true, printer -> {
			StatementCsvWriter.printFields(printer, view.fields(), view.notes());
			printer.println();
			StatementCsvWriter.printPayment(printer, view.payment());
			if (view.recovery() != null) {
				RegularisationView.RecoveryNotice recovery = view.recovery();
				printer.println();
				printer.printRecord(CsvOutput.row("Notification de trop-perçu (art. R133-9-1 du code de la sécurité sociale)",
						"", ""));
				printer.printRecord(CsvOutput.row("Cause", CsvOutput.text(recovery.cause()), ""));
				printer.printRecord(CsvOutput.row("Nature", recovery.nature(), ""));
				printer.printRecord(CsvOutput.row("Montant réclamé", FrenchFormat.cell(recovery.amountEuros(), 2), ""));
				for (PaymentSection.Row payment : recovery.payments()) {
					printer.printRecord(CsvOutput.row("Versement concerné : " + payment.label(),
							FrenchFormat.cell(payment.amountEuros(), 2), payment.detail()));
				}
				for (String mention : recovery.mentions()) {
					printer.printRecord(CsvOutput.row("Mention", mention, ""));
				}
			}
			printer.println();
			printer.printRecord(CsvOutput.row("Code", "Indicateur", "Montant précédent (€)", "Nouveau montant (€)",
					"Différence (€)", "Origine de la différence", "Statut des valeurs"));
			for (LineChanges.Change line : view.lines()) {
				printer.printRecord(CsvOutput.row(line.code(), line.label(), FrenchFormat.cell(line.previousEuros(), 2),
						FrenchFormat.cell(line.newEuros(), 2), FrenchFormat.cell(line.differenceEuros(), 2), line.cause(),
						line.statusNote()));
			}
			printer.printRecord(CsvOutput.row("TOTAL", "Total de la rémunération forfaitaire",
					FrenchFormat.cell(view.previousTotalEuros(), 2), FrenchFormat.cell(view.newTotalEuros(), 2),
					FrenchFormat.cell(view.differenceEuros(), 2), "", ""));
			printer.println();
			printer.printRecord(CsvOutput.row("Contact et recours", view.recourse(), ""));
		});
	}

}
