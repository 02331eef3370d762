package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * One line of a payment file: who, which exercice, which payment stream and kind of payment, how
 * much, under which rules, and a reference that the centre finds on its bank statement. Payment
 * files are written from the ledger, so that a file never says more or less than the ledger.
 *
 * @param latestText id of the latest accord or avenant governing the exercice ({@code avenant-5})
 */
public record PaymentLine(String finess, int exercice, PaymentStream stream, PaymentKind kind, BigDecimal amountEuros,
		String ruleSet, String latestText, String reference) {

	/** A ledger entry computed under rules whose latest text is {@code latestText}. */
	public static PaymentLine of(LedgerEntry entry, String latestText) {
		return new PaymentLine(entry.finess(), entry.exercice(), entry.stream(), entry.kind(), entry.amountEuros(),
				entry.ruleSet(), latestText, entry.reference());
	}

	/** The lines of {@code entries}, in FINESS, stream then reference order. */
	public static List<PaymentLine> of(List<LedgerEntry> entries, String latestText) {
		return entries.stream()
			.map(entry -> of(entry, latestText))
			.sorted(Comparator.comparing(PaymentLine::finess)
				.thenComparing(PaymentLine::stream)
				.thenComparing(PaymentLine::reference))
			.toList();
	}

}
