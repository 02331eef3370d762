package fr.cds.remuneration.centre;

import java.util.Locale;
import java.util.Optional;

import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.Iban4jException;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * The account a centre is paid on: IBAN (validated by iban4j: country format and check digits) and
 * the bank's BIC. Both are optional in centres.csv; a centre without them is paid once they are
 * supplied, never on a guessed account.
 *
 * @param iban the IBAN in electronic form (no spaces, upper case)
 * @param bic the BIC (8 or 11 characters, upper case)
 */
public record BankAccount(String iban, String bic) {

	/** The IBAN in electronic form: spaces removed, upper case. */
	public static String electronic(String value) {
		return value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
	}

	/** Why {@code iban} is not a valid IBAN, in French; empty when valid. */
	public static Optional<String> ibanProblem(String iban) {
		try {
			IbanUtil.validate(electronic(iban));
			return Optional.empty();
		}
		catch (InvalidCheckDigitException ex) {
			return Optional.of("IBAN invalide : clé de contrôle fausse");
		}
		catch (UnsupportedCountryException ex) {
			return Optional.of("IBAN invalide : pays non reconnu");
		}
		catch (IbanFormatException ex) {
			return Optional.of("IBAN invalide : longueur ou format non conforme au pays");
		}
		catch (Iban4jException ex) {
			return Optional.of("IBAN invalide");
		}
	}

	/** Why {@code bic} is not a valid BIC, in French; empty when valid. */
	public static Optional<String> bicProblem(String bic) {
		try {
			BicUtil.validate(bic.strip().toUpperCase(Locale.ROOT));
			return Optional.empty();
		}
		catch (BicFormatException | UnsupportedCountryException ex) {
			return Optional.of("BIC invalide : 8 ou 11 caractères (banque, pays, localité, agence)");
		}
	}

	/** An account from values already checked by {@link #ibanProblem} and {@link #bicProblem}. */
	public static BankAccount of(String iban, String bic) {
		return new BankAccount(electronic(iban), bic.strip().toUpperCase(Locale.ROOT));
	}

}
