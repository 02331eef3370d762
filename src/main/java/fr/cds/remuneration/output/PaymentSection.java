package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.ledger.PaymentStatus;
import fr.cds.remuneration.ledger.Settlement;

/**
 * The payment part of a statement, in French: the amount due for the exercice, every amount
 * already paid or under way (advance, balance, regularisation) with its reference and date, and
 * what is paid or recovered now.
 *
 * @param rows the amounts, each signed as in the ledger (a recovery is negative) except the last,
 * which says in words whether it is paid or recovered and shows its absolute value
 * @param dueNowEuros what this statement pays (positive) or recovers (negative)
 */
public record PaymentSection(List<Row> rows, BigDecimal dueNowEuros, String dueNowLabel, String reference) {

	/** One amount: what it is, how much, its reference and date. */
	public record Row(String label, BigDecimal amountEuros, String detail) {
	}

	public static PaymentSection of(Settlement settlement) {
		return of(settlement, "");
	}

	/**
	 * @param dueNote when the amount paid now is due, in French (empty when not known), printed with
	 * a payment to the centre
	 */
	public static PaymentSection of(Settlement settlement, String dueNote) {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("Montant dû pour l'exercice " + settlement.exercice(), settlement.totalEuros(),
				settlement.stream().label()));
		if (settlement.before().isEmpty()) {
			rows.add(new Row("Déjà versé", BigDecimal.ZERO.setScale(2), "aucun versement enregistré"));
		}
		for (LedgerEntry entry : settlement.before()) {
			rows.add(new Row("Déjà versé : " + entry.kind().label(), entry.amountEuros(), detail(entry)));
		}
		if (settlement.before().size() > 1) {
			rows.add(new Row("Total déjà versé ou en cours de versement", settlement.beforeEuros(), ""));
		}
		String label = dueNowLabel(settlement);
		String detail = settlement.reference() == null ? "" : "référence " + settlement.reference();
		if (settlement.amountEuros().signum() > 0 && !dueNote.isEmpty()) {
			detail += ", " + dueNote;
		}
		rows.add(new Row(label, settlement.amountEuros().abs(), detail));
		return new PaymentSection(List.copyOf(rows), settlement.amountEuros(), label, settlement.reference());
	}

	/** Reference and date of a payment, and where it stands. */
	static String detail(LedgerEntry entry) {
		String date = FrenchFormat.date(entry.date());
		String when = switch (entry.status()) {
			case PAID -> entry.amountEuros().signum() < 0 ? "recouvré le " + date : "versé le " + date;
			case ORDERED -> "ordonnancé le " + date;
			case COMPUTED -> "calculé le " + date + ", " + PaymentStatus.COMPUTED.label();
			case CANCELLED -> "calculé le " + date + ", " + PaymentStatus.CANCELLED.label();
		};
		return "référence " + entry.reference() + ", " + when;
	}

	private static String dueNowLabel(Settlement settlement) {
		boolean balance = settlement.kind() == PaymentKind.SOLDE;
		int sign = settlement.amountEuros().signum();
		if (sign > 0) {
			return balance ? "Solde à verser" : "Complément à verser";
		}
		if (sign < 0) {
			return balance ? "Trop-perçu à reverser" : "Indu à reverser";
		}
		return balance ? "Solde : rien à verser ni à reverser" : "Régularisation : rien à verser ni à reverser";
	}

}
