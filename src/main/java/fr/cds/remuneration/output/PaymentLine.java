package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.List;

import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentKind;

/**
 * One line of a payment file: who, which exercice, which kind of payment, how much, under which
 * rules, and a reference that the centre finds on its bank statement. Payment files are written
 * from the ledger, so that a file never says more or less than the ledger.
 */
public record PaymentLine(String finess, int exercice, PaymentKind kind, BigDecimal amountEuros, String ruleSet,
		String reference) {

	public static PaymentLine of(LedgerEntry entry) {
		return new PaymentLine(entry.finess(), entry.exercice(), entry.kind(), entry.amountEuros(), entry.ruleSet(),
				entry.reference());
	}

	/** The lines of {@code entries}, in FINESS then reference order. */
	public static List<PaymentLine> of(List<LedgerEntry> entries) {
		return entries.stream()
			.map(PaymentLine::of)
			.sorted(java.util.Comparator.comparing(PaymentLine::finess).thenComparing(PaymentLine::reference))
			.toList();
	}

}
