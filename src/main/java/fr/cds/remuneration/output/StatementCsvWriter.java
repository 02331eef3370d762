package fr.cds.remuneration.output;

import java.io.IOException;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import fr.cds.remuneration.common.FrenchFormat;

/**
 * Writes {@code statements/<FINESS>.csv}: the header fields as {@code Rubrique;Valeur;Statut}, the
 * summary of the payments by stream, each stream's payment, then one row per indicator of the
 * forfait and its total row, then a section per other payment stream with its lines and total, and
 * the grand total; in French and for a French spreadsheet (BOM, {@code ;}, decimal comma).
 */
public final class StatementCsvWriter {

	private StatementCsvWriter() {
	}

	/** The statement's CSV as bytes (BOM included). */
	public static byte[] render(StatementView view) {
		return CsvOutput.render(true, printer -> {
			printFields(printer, view.fields(), view.notes());
			if (!view.streams().isEmpty()) {
				printer.println();
				printSummary(printer, view.summary());
			}
			if (view.payment() != null) {
				printer.println();
				printPayment(printer, view.payment());
			}
			for (StreamSection stream : view.streams()) {
				if (stream.payment() != null) {
					printPayment(printer, "Paiement — " + stream.stream(), stream.payment());
				}
			}
			for (String whatIf : view.whatIf()) {
				printer.printRecord(CsvOutput.row("Si atteint", whatIf, ""));
			}
			printer.printRecord(CsvOutput.row("Recours", view.recourse(), ""));
			printer.println();
			String unit = view.unitLabel();
			printer.printRecord(CsvOutput.row("Code", "Indicateur", "Axe", "Bloc", "Socle", "Réponse déclarée", "Résultat",
					"Part fixe (" + unit + ")", "Part variable (" + unit + ")", "Majoration (" + unit + ")",
					"Total (" + unit + ")", "Montant (€)", "Montant si atteint (€)", "Détail du calcul", "Remarque",
					"Statut des valeurs"));
			for (StatementView.Line line : view.lines()) {
				printer.printRecord(CsvOutput.row(line.code(), line.label(), line.axis(), line.block(), line.socle(),
						line.declared(), line.verdict(), cell(line.fixed()), cell(line.variable()),
						cell(line.uplift()), cell(line.total()), FrenchFormat.cell(line.euros(), 2),
						line.ifMetEuros() == null ? "" : FrenchFormat.cell(line.ifMetEuros(), 2), line.formula(),
						line.verdictNote(), line.statusNote()));
			}
			printer.printRecord(CsvOutput.row("TOTAL", "Total de la rémunération forfaitaire", "", "", "", "", "", "", "",
					"", "", FrenchFormat.cell(view.totalEuros(), 2), "", "", "", ""));
			for (StreamSection stream : view.streams()) {
				printer.println();
				printStream(printer, stream);
			}
			if (!view.streams().isEmpty()) {
				printer.println();
				printer.printRecord(CsvOutput.row("TOTAL GÉNÉRAL", "Total des paiements de l'exercice",
						FrenchFormat.cell(view.grandTotalEuros(), 2)));
			}
		});
	}

	/** What each stream pays: due, already paid, paid now (empty when not settled), and the total. */
	private static void printSummary(CSVPrinter printer, List<StatementView.SummaryRow> rows) throws IOException {
		printer.printRecord(CsvOutput.row("Récapitulatif des paiements", "Montant dû (€)", "Déjà versé (€)",
				"À verser maintenant (€)"));
		for (StatementView.SummaryRow row : rows) {
			printer.printRecord(CsvOutput.row(row.label(), FrenchFormat.cell(row.dueEuros(), 2), optional(row.alreadyPaidEuros()),
					optional(row.nowEuros())));
		}
	}

	/** A stream's section: its name, one row per line, its total and its notes. */
	private static void printStream(CSVPrinter printer, StreamSection stream) throws IOException {
		printer.printRecord(CsvOutput.row("Flux", stream.title(), ""));
		printer.printRecord(CsvOutput.row("Code", "Libellé", "Objet", "Base", "Quantité", "Montant unitaire (€)",
				"Montant (€)", "Détail du calcul", "Remarque", "Statut des valeurs"));
		for (StreamSection.Row row : stream.lines()) {
			printer.printRecord(CsvOutput.row(row.code(), row.label(), row.detail(), row.base(), row.quantity(),
					row.rate(), FrenchFormat.cell(row.euros(), 2), row.formula(), row.note(), row.statusNote()));
		}
		printer.printRecord(CsvOutput.row("TOTAL", "Total — " + stream.title(), "", "", "", "",
				FrenchFormat.cell(stream.totalEuros(), 2), "", "", ""));
		for (String note : stream.notes()) {
			printer.printRecord(CsvOutput.row("Note", note, ""));
		}
	}

	private static String optional(java.math.BigDecimal value) {
		return value == null ? "" : FrenchFormat.cell(value, 2);
	}

	/** The header block: {@code Rubrique;Valeur;Statut des valeurs}, one row per field, then the notes. */
	static void printFields(CSVPrinter printer, List<StatementView.Field> fields, List<String> notes)
			throws IOException {
		printer.printRecord(CsvOutput.row("Rubrique", "Valeur", "Statut des valeurs"));
		for (StatementView.Field field : fields) {
			printer.printRecord(CsvOutput.row(field.label(), field.value(), field.note()));
		}
		for (String note : notes) {
			printer.printRecord(CsvOutput.row("Note", note, ""));
		}
	}

	/** The payment section: {@code Paiement;Montant (€);Détail}, one row per amount. */
	static void printPayment(CSVPrinter printer, PaymentSection payment) throws IOException {
		printPayment(printer, "Paiement", payment);
	}

	static void printPayment(CSVPrinter printer, String heading, PaymentSection payment) throws IOException {
		printer.printRecord(CsvOutput.row(heading, "Montant (€)", "Détail"));
		for (PaymentSection.Row row : payment.rows()) {
			printer.printRecord(CsvOutput.row(row.label(), FrenchFormat.cell(row.amountEuros(), 2), row.detail()));
		}
	}

	private static String cell(java.math.BigDecimal value) {
		return FrenchFormat.cell(value, 2);
	}

}
