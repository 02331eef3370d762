package fr.cds.remuneration.desk;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import fr.cds.remuneration.centre.BankAccount;
import fr.cds.remuneration.input.CsvFormats;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;

/**
 * The bank accounts of the centres of a centres.csv: the run's own file (whose checksum the desk
 * checked unchanged, so these are the accounts the run validated), or a corrected file for the
 * transfers the bank rejected. A centre without IBAN, or with an invalid one in a corrected file,
 * has no account: its transfer is held.
 */
public final class CentreAccounts {

	private final Map<String, BankAccount> accounts;

	private final Map<String, String> problems;

	private CentreAccounts(Map<String, BankAccount> accounts, Map<String, String> problems) {
		this.accounts = accounts;
		this.problems = problems;
	}

	public static CentreAccounts read(Path centresCsv, InputEncoding encoding) {
		Map<String, BankAccount> accounts = new HashMap<>();
		Map<String, String> problems = new HashMap<>();
		try (InputStream in = Files.newInputStream(centresCsv); Reader reader = encoding.reader(in);
				CSVParser parser = CsvFormats.INPUT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			Map<String, String> names = new HashMap<>();
			parser.getHeaderNames().forEach(n -> names.put(n.strip().toLowerCase(Locale.ROOT), n));
			for (CSVRecord record : parser) {
				String finess = value(record, names, "finess");
				if (finess.isEmpty()) {
					continue;
				}
				String iban = value(record, names, InputFile.IBAN);
				String bic = value(record, names, InputFile.BIC);
				Optional<String> problem = iban.isEmpty() ? Optional.of("IBAN manquant dans " + centresCsv.getFileName())
						: BankAccount.ibanProblem(iban).or(() -> bic.isEmpty() ? Optional.empty() : BankAccount.bicProblem(bic));
				if (problem.isPresent()) {
					problems.put(finess, problem.get() + " (ligne " + (record.getRecordNumber() + 1) + ")");
				}
				else {
					accounts.put(finess, BankAccount.of(iban, bic));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lecture impossible de " + centresCsv, ex);
		}
		return new CentreAccounts(accounts, problems);
	}

	private static String value(CSVRecord record, Map<String, String> names, String column) {
		String name = names.get(column);
		return name == null || !record.isSet(name) ? "" : record.get(name).strip();
	}

	/** These accounts, those of {@code other} replacing them for the centres it lists. */
	public CentreAccounts overriddenBy(CentreAccounts other) {
		Map<String, BankAccount> accounts = new HashMap<>(this.accounts);
		Map<String, String> problems = new HashMap<>(this.problems);
		other.problems.forEach((finess, problem) -> {
			accounts.remove(finess);
			problems.put(finess, problem);
		});
		other.accounts.forEach((finess, account) -> {
			problems.remove(finess);
			accounts.put(finess, account);
		});
		return new CentreAccounts(accounts, problems);
	}

	public Optional<BankAccount> account(String finess) {
		return Optional.ofNullable(this.accounts.get(finess));
	}

	/** Why a centre has no account, in French. */
	public String whyNone(String finess) {
		return this.problems.getOrDefault(finess, "centre absent du fichier des centres");
	}

}
