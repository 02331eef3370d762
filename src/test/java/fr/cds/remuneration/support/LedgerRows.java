package fr.cds.remuneration.support;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The payment ledger as comparable lines (reference, FINESS, stream, kind, amount, status), in
 * reference order: fault tests compare a run that met a fault with an uninterrupted one, so
 * "nothing paid twice, nothing missing" is one equality.
 */
public final class LedgerRows {

	private LedgerRows() {
	}

	public static List<String> of(ApplicationContext context) {
		return context.getBean(JdbcTemplate.class)
			.query("SELECT REFERENCE, FINESS, STREAM, KIND, AMOUNT_EUR, STATUS FROM PAYMENT_LEDGER ORDER BY REFERENCE",
					(rs, i) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getBigDecimal(5).toPlainString(), rs.getString(6)));
	}

}
