package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.AdvanceCalculator;

/**
 * Writes {@code advances.csv}: per centre, what its socle indicators would earn at 100 %, the rate,
 * the minimum, the advance and how it was set, with the status and source of the calendar's values
 * and the advance's reference; in French, for a spreadsheet (BOM, {@code ;}, decimal comma).
 */
public final class AdvancesFileWriter {

	private AdvancesFileWriter() {
	}

	/**
	 * A centre's advance.
	 *
	 * @param reference the advance's reference, empty when no advance is paid
	 * @param remark why nothing is paid, or that the advance was already recorded
	 */
	public record Row(String finess, String name, String region, AdvanceCalculator.Computed computed, String reference,
			String remark) {
	}

	public static void write(Path target, List<Row> rows) {
		CsvOutput.write(target, true, printer -> {
			printer.printRecord(CsvOutput.row("finess", "raison_sociale", "region", "socle_a_100_eur", "taux",
					"avance_proportionnelle_eur", "minimum_eur", "avance_eur", "minimum_applique", "statut", "source",
					"reference", "remarque"));
			for (Row row : rows) {
				AdvanceCalculator.Computed c = row.computed();
				printer.printRecord(CsvOutput.row(row.finess(), row.name(), row.region(),
						cell(c.socleAt100Euros()), cell(c.rule().rate()), cell(c.proportionalEuros()),
						cell(c.rule().minimumEur()), cell(c.amountEuros()), c.minimumApplied() ? "oui" : "non",
						c.rule().status().isProvisional() ? c.rule().status().statementNote() : "", c.rule().source(),
						row.reference(), row.remark()));
			}
		});
	}

	private static String cell(BigDecimal value) {
		return FrenchFormat.cell(value, 2);
	}

}
