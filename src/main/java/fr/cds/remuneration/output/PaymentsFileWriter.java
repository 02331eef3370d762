package fr.cds.remuneration.output;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes a payment file for the payer's systems: one line per payment, that is per centre and
 * payment stream ({@code flux}: the forfait, the médecin-traitant forfait…), amounts with a decimal
 * point and no BOM (a machine reads it). Zero amounts are not payments and are not listed; the
 * statement of such a centre explains its zero.
 */
public final class PaymentsFileWriter {

	private PaymentsFileWriter() {
	}

	public static void write(Path target, List<PaymentLine> lines) {
		CsvOutput.write(target, false, printer -> {
			printer.printRecord(CsvOutput.row("finess", "exercice", "flux", "nature", "montant_eur", "jeu_de_regles",
					"dernier_texte", "reference"));
			for (PaymentLine line : lines) {
				printer.printRecord(CsvOutput.row(line.finess(), line.exercice(), line.stream().name(), line.kind().name(),
						line.amountEuros().setScale(2).toPlainString(), line.ruleSet(), line.latestText(),
						line.reference()));
			}
		});
	}

}
