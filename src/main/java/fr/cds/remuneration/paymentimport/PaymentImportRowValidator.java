package fr.cds.remuneration.paymentimport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentStatus;
import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.input.CsvRow;
import fr.cds.remuneration.input.RowChecker;
import fr.cds.remuneration.input.Validated;

/**
 * Validates one row of a file of amounts paid by an earlier system: every field checked, every
 * problem reported with its line, field, value and reason. An accepted row is a paid ledger entry
 * with no run.
 */
public class PaymentImportRowValidator {

	/** Columns of the import file, in the project's CSV dialect. */
	public static final java.util.List<String> COLUMNS = java.util.List.of("finess", "exercice", "nature", "montant_eur",
			"date_paiement", "reference");

	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");

	private static final Pattern AMOUNT = Pattern.compile("[+-]?[0-9]{1,10}([.,][0-9]{1,2})?");

	private static final BigDecimal MAX_EUROS = new BigDecimal("1000000000");

	private final LocalDate today;

	private final String origin;

	private final Set<String> references = new HashSet<>();

	/** @param origin how the entries say where they come from, e.g. the file name and its checksum */
	public PaymentImportRowValidator(LocalDate today, String origin) {
		this.today = today;
		this.origin = origin;
	}

	public Validated<LedgerEntry> validate(CsvRow row) {
		RowChecker checker = new RowChecker(row);
		Optional<Finess> finess = checker.finess("finess");
		Optional<Integer> exercice = checker.parsed("exercice", PaymentImportRowValidator::exercice,
				"une année entre 2000 et 2100");
		Optional<PaymentKind> kind = checker.parsed("nature", PaymentImportRowValidator::kind,
				"AVANCE, SOLDE ou REGULARISATION");
		Optional<BigDecimal> amount = checker.parsed("montant_eur", PaymentImportRowValidator::amount,
				"un montant en euros non nul, au centime, par exemple 12000,00 ou -350.5");
		Optional<LocalDate> paid = checker.date("date_paiement", true);
		if (paid.isPresent() && paid.get().isAfter(this.today)) {
			checker.reject("date_paiement", paid.get().toString(), "date de paiement dans le futur");
		}
		Optional<String> reference = checker.parsed("reference",
				value -> REFERENCE.matcher(value).matches() ? Optional.of(value) : Optional.empty(),
				"lettres, chiffres, '.', '_', '/' ou '-', 100 caractères au plus");
		if (reference.isPresent() && !this.references.add(reference.get())) {
			checker.reject("reference", reference.get(), "référence déjà présente plus haut dans le fichier");
		}
		return checker.result(() -> new LedgerEntry(reference.get(), finess.get().value(), exercice.get(),
				PaymentStream.advanced(), kind.get(), amount.get(), null, null, null,
				this.origin + " ligne " + row.line(), PaymentStatus.PAID, paid.get(), paid.get(), paid.get()));
	}

	private static Optional<Integer> exercice(String value) {
		return value.matches("\\d{4}") && Integer.parseInt(value) >= 2000 && Integer.parseInt(value) <= 2100
				? Optional.of(Integer.parseInt(value)) : Optional.empty();
	}

	private static Optional<PaymentKind> kind(String value) {
		String code = value.toUpperCase(Locale.ROOT).replace('É', 'E');
		for (PaymentKind kind : PaymentKind.values()) {
			if (kind.name().equals(code)) {
				return Optional.of(kind);
			}
		}
		return Optional.empty();
	}

	private static Optional<BigDecimal> amount(String value) {
		// digits, one decimal separator and at most two decimals: no exponent (1e3), no grouping
		if (!AMOUNT.matcher(value).matches()) {
			return Optional.empty();
		}
		try {
			BigDecimal amount = new BigDecimal(value.replace(',', '.'));
			boolean plausible = amount.signum() != 0 && amount.scale() <= 2 && amount.abs().compareTo(MAX_EUROS) < 0;
			return plausible ? Optional.of(amount.setScale(2)) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
