package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.List;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.StreamLine;
import fr.cds.remuneration.engine.StreamResult;
import fr.cds.remuneration.ledger.Settlement;

/**
 * A payment stream outside the forfait as a section of the centre's statement, in French: its
 * lines, notes, total, and what is paid for it.
 *
 * @param stream the stream's name (médecin-traitant forfait…)
 * @param title the payment's name under the rules of the exercice (FPMT, FMT…)
 * @param payment the stream's payment, {@code null} on a statement that pays nothing (a simulation)
 */
public record StreamSection(String stream, String title, List<Row> lines, List<String> notes, BigDecimal totalEuros,
		PaymentSection payment) {

	/**
	 * One line of the section.
	 *
	 * @param quantity the base counted, formatted (patients, acts, FTE)
	 * @param rate euros per unit, formatted, or empty when the line mixes rates
	 */
	public record Row(String code, String label, String detail, String base, String quantity, String rate,
			String formula, BigDecimal euros, String note, String statusNote, boolean provisional) {
	}

	/**
	 * @param settlement how the run settled the stream, or {@code null}
	 * @param dueNote when the amount paid now is due, in French
	 */
	public static StreamSection of(StreamResult result, Settlement settlement, String dueNote) {
		List<Row> rows = result.lines().stream().map(StreamSection::row).toList();
		return new StreamSection(result.stream().label(), result.title(), rows, result.notes(), result.totalEuros(),
				settlement == null ? null : PaymentSection.of(settlement, dueNote));
	}

	private static Row row(StreamLine line) {
		return new Row(line.code(), line.label(), line.detail(), line.base(), FrenchFormat.compact(line.quantity(), 2),
				line.rateEuros() == null ? "" : FrenchFormat.euros(line.rateEuros()), line.formula(), line.euros(),
				line.note(), line.status().statementNote(), line.status().isProvisional());
	}

}
