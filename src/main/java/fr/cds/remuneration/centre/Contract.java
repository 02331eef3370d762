package fr.cds.remuneration.centre;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A contract between a centre and its CPAM that an aid pays on (medical assistants, IPA,
 * installation or maintenance in an under-served zone…), as read in contracts.csv.
 *
 * @param number the contract's number, unique for the centre: how the centre recognises it
 * @param kind the contract kind ({@code type_contrat}), named by the rule set's aids
 * @param end last day of the contract, or {@code null} when it runs on
 * @param fte full-time equivalents the contract covers
 * @param zone the zoning the contract was signed under
 */
public record Contract(Finess finess, String number, String kind, LocalDate start, LocalDate end, BigDecimal fte,
		Zone zone) {
}
