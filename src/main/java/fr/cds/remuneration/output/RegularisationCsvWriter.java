package fr.cds.remuneration.output;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import fr.cds.remuneration.common.FrenchFormat;

/**
 * Writes {@code <FINESS>.csv} of a regularisation: the header fields as {@code Rubrique;Valeur},
 * the payment section, the recovery notice when the centre owes money back, then one row per
 * indicator with its previous and new amounts, the difference and its cause, and a total row; then
 * the same for each other payment stream whose amount changed. For a French spreadsheet (BOM,
 * {@code ;}, decimal comma).
 */
public final class RegularisationCsvWriter {

	private RegularisationCsvWriter() {
	}

	public static void write(Path target, RegularisationView view) {
		CsvOutput.write(target, true, rows(view));
	}

	/** The same file as bytes, for a caller that renders on one thread and writes on another. */
	public static byte[] render(RegularisationView view) {
		return CsvOutput.render(true, rows(view));
	}

	private static CsvOutput.Rows rows(RegularisationView view) {
		return printer -> {
			StatementCsvWriter.printFields(printer, view.fields(), view.notes());
			printer.println();
			StatementCsvWriter.printPayment(printer, view.payment());
			printRecovery(printer, view.recovery());
			printer.println();
			printChanges(printer, "Indicateur", view.lines(), "Total de la rémunération forfaitaire",
					view.previousTotalEuros(), view.newTotalEuros(), view.differenceEuros());
			for (RegularisationView.StreamChanges stream : view.streams()) {
				printer.println();
				printer.printRecord(CsvOutput.row("Flux", stream.title(), ""));
				StatementCsvWriter.printPayment(printer, "Paiement — " + stream.stream(), stream.payment());
				printRecovery(printer, stream.recovery());
				printer.println();
				printChanges(printer, "Ligne", stream.lines(), "Total — " + stream.title(), stream.previousTotalEuros(),
						stream.newTotalEuros(), stream.differenceEuros());
			}
			printer.println();
			printer.printRecord(CsvOutput.row("Contact et recours", view.recourse(), ""));
		};
	}

	/** The notice of a recovery (CSS art. R133-9-1), or nothing for a supplement. */
	private static void printRecovery(CSVPrinter printer, RegularisationView.RecoveryNotice recovery)
			throws IOException {
		if (recovery == null) {
			return;
		}
		printer.println();
		printer.printRecord(CsvOutput.row("Notification de trop-perçu (art. R133-9-1 du code de la sécurité sociale)",
				"", ""));
		printer.printRecord(CsvOutput.row("Cause", recovery.cause(), ""));
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

	/** One row per line with its previous and new amounts, the difference and its cause, and a total row. */
	private static void printChanges(CSVPrinter printer, String what, List<LineChanges.Change> lines, String total,
			BigDecimal previousTotal, BigDecimal newTotal, BigDecimal difference) throws IOException {
		printer.printRecord(CsvOutput.row("Code", what, "Montant précédent (€)", "Nouveau montant (€)", "Différence (€)",
				"Origine de la différence", "Statut des valeurs"));
		for (LineChanges.Change line : lines) {
			printer.printRecord(CsvOutput.row(line.code(), line.label(), FrenchFormat.cell(line.previousEuros(), 2),
					FrenchFormat.cell(line.newEuros(), 2), FrenchFormat.cell(line.differenceEuros(), 2), line.cause(),
					line.statusNote()));
		}
		printer.printRecord(CsvOutput.row("TOTAL", total, FrenchFormat.cell(previousTotal, 2),
				FrenchFormat.cell(newTotal, 2), FrenchFormat.cell(difference, 2), "", ""));
	}

}
