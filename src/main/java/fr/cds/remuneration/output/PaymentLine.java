package fr.cds.remuneration.output;

import java.math.BigDecimal;

import fr.cds.remuneration.ledger.PaymentKind;

/**
 * One line of a payment file: who, which exercice, which kind of payment, how much, under which
 * rules, and a reference that the centre finds on its bank statement.
 *
 * @param latestText id of the latest accord or avenant governing the exercice ({@code avenant-5})
 */
public record PaymentLine(String finess, int exercice, PaymentKind kind, BigDecimal amountEuros, String ruleSet,
		String latestText, String reference) {

	/** Reference of a payment: stable for a run, unique per centre, exercice and kind. */
	public static String reference(int exercice, String finess, PaymentKind kind, long runId) {
		return "RFS-" + exercice + "-" + finess + "-" + kind.name() + "-R" + runId;
	}

}
