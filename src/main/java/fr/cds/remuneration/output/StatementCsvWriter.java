package fr.cds.remuneration.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;

import fr.cds.remuneration.common.FrenchFormat;

/**
 * Writes {@code statements/<FINESS>.csv}: the header fields as {@code Rubrique;Valeur;Statut},
 * a blank line, then one row per indicator and a total row, in French and for a French
 * spreadsheet (BOM, {@code ;}, decimal comma).
 */
public final class StatementCsvWriter {

	private StatementCsvWriter() {
	}

	public static void write(Path target, StatementView view) {
		byte[] csv = render(view);
		AtomicFiles.write(target, out -> out.write(csv));
	}

	/** The statement's CSV as bytes (BOM included). */
	public static byte[] render(StatementView view) {
		return CsvOutput.render(true, printer -> {
			printFields(printer, view.fields(), view.notes());
			if (view.payment() != null) {
				printer.println();
				printPayment(printer, view.payment());
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
						CsvOutput.text(line.declared()), line.verdict(), cell(line.fixed()), cell(line.variable()),
						cell(line.uplift()), cell(line.total()), FrenchFormat.cell(line.euros(), 2),
						line.ifMetEuros() == null ? "" : FrenchFormat.cell(line.ifMetEuros(), 2), line.formula(),
						CsvOutput.text(line.verdictNote()), line.statusNote()));
			}
			printer.printRecord(CsvOutput.row("TOTAL", "Total de la rémunération forfaitaire", "", "", "", "", "", "", "",
					"", "", FrenchFormat.cell(view.totalEuros(), 2), "", "", "", ""));
		});
	}

	/** The header block: {@code Rubrique;Valeur;Statut des valeurs}, one row per field, then the notes. */
	static void printFields(CSVPrinter printer, List<StatementView.Field> fields, List<String> notes)
			throws IOException {
		printer.printRecord(CsvOutput.row("Rubrique", "Valeur", "Statut des valeurs"));
		for (StatementView.Field field : fields) {
			printer.printRecord(CsvOutput.row(field.label(), CsvOutput.text(field.value()), field.note()));
		}
		for (String note : notes) {
			printer.printRecord(CsvOutput.row("Note", CsvOutput.text(note), ""));
		}
	}

	/** The payment section: {@code Paiement;Montant (€);Détail}, one row per amount. */
	static void printPayment(CSVPrinter printer, PaymentSection payment) throws IOException {
		printer.printRecord(CsvOutput.row("Paiement", "Montant (€)", "Détail"));
		for (PaymentSection.Row row : payment.rows()) {
			printer.printRecord(CsvOutput.row(row.label(), FrenchFormat.cell(row.amountEuros(), 2), row.detail()));
		}
	}

	private static String cell(java.math.BigDecimal value) {
		return FrenchFormat.cell(value, 2);
	}

}
