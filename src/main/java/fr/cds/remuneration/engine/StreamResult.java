package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * A centre's payment of one stream outside the forfait for the exercice, with its explanation:
 * its lines, notes and total. Rendered as a section of the statement, settled on its own.
 *
 * @param title what the section is called on the statement (the payment's name under the rules)
 * @param computed whether the inputs allowed the computation (typed counts have no patients by age:
 * the médecin-traitant forfait is then not computed, and says so)
 * @param totalEuros sum of the rounded lines
 */
public record StreamResult(PaymentStream stream, String title, List<StreamLine> lines, List<String> notes,
		boolean computed, BigDecimal totalEuros) {

	public StreamResult {
		lines = List.copyOf(lines);
		notes = List.copyOf(notes);
	}

	/** A stream computed from its lines: the total is the sum of the rounded lines. */
	static StreamResult of(PaymentStream stream, String title, List<StreamLine> lines, List<String> notes,
			BigDecimal zero) {
		return new StreamResult(stream, title, lines, notes, true,
				lines.stream().map(StreamLine::euros).reduce(zero, BigDecimal::add));
	}

}
