package fr.cds.remuneration.engine;

import java.math.BigDecimal;
import java.util.List;

import fr.cds.remuneration.rules.model.Provenance;
import fr.cds.remuneration.rules.model.ValueStatus;

/**
 * One line of a payment stream outside the forfait: a category of médecin-traitant patients, a
 * supplement declared per act, or the aid of one contract. Its euros are rounded once, here.
 *
 * @param detail what the line is about beyond its label (the contract, its dates and FTE), or empty
 * @param base what {@code quantity} counts (patients, acts, FTE)
 * @param quantity the base counted for the payment (after any cap)
 * @param rateEuros euros per unit of the base, or {@code null} when the line mixes rates (an aid
 * over two contract years)
 * @param formula how the euros are computed, in French, from the same numbers
 * @param note why the line pays less than it could (cap, ineligibility, refusal), or empty
 * @param status the least sure status among the values the line used
 */
public record StreamLine(String code, String label, String detail, String base, BigDecimal quantity,
		BigDecimal rateEuros, String formula, BigDecimal euros, String note, ValueStatus status,
		List<Provenance> provenances) {

	public StreamLine {
		provenances = List.copyOf(provenances);
	}

}
