package fr.cds.remuneration.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the project's output CSV files in tests, independently of the code that wrote them. */
public final class CsvFiles {

	private static final CSVFormat FORMAT = CSVFormat.Builder.create().setDelimiter(';').get();

	private CsvFiles() {
	}

	/** Every record, the header included, BOM removed. */
	public static List<List<String>> rows(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			List<List<String>> rows = new ArrayList<>();
			for (CSVRecord record : FORMAT.parse(reader)) {
				rows.add(record.toList());
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A French decimal cell ({@code 1234,56}) as a number. */
	public static BigDecimal frenchNumber(String cell) {
		return new BigDecimal(cell.replace(',', '.'));
	}

	/** A date as French statements print it: {@code 02/06/2025}. */
	public static String frenchDate(LocalDate date) {
		return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/** The statement's total: the amount column of its TOTAL row. */
	public static BigDecimal statementTotal(Path statement) {
		List<List<String>> rows = rows(statement);
		List<String> header = rows.stream().filter(r -> r.get(0).equals("Code")).findFirst().orElseThrow();
		int amount = header.indexOf("Montant (€)");
		return frenchNumber(rows.stream().filter(r -> r.get(0).equals("TOTAL")).findFirst().orElseThrow().get(amount));
	}

	/** Sum of the amounts of the indicator rows of a statement (between its table header and its first TOTAL). */
	public static BigDecimal statementLinesSum(Path statement) {
		return sections(statement).get(0).linesSum();
	}

	/**
	 * A table of a statement: a header row starting with {@code Code}, lines, and a {@code TOTAL}
	 * row whose second cell names it.
	 *
	 * @param title the second cell of the TOTAL row ("Total de la rémunération forfaitaire", "Total — …")
	 */
	public record Section(String title, BigDecimal linesSum, BigDecimal total) {
	}

	/** Every table of a statement, the forfait's first, each with the sum of its lines and its TOTAL. */
	public static List<Section> sections(Path statement) {
		List<List<String>> rows = rows(statement);
		List<Section> sections = new ArrayList<>();
		int amount = -1;
		BigDecimal sum = BigDecimal.ZERO;
		for (List<String> row : rows) {
			if (row.get(0).equals("Code")) {
				amount = row.indexOf("Montant (€)");
				sum = BigDecimal.ZERO;
			}
			else if (amount >= 0 && row.get(0).equals("TOTAL")) {
				sections.add(new Section(row.get(1), sum, frenchNumber(row.get(amount))));
				amount = -1;
			}
			else if (amount >= 0) {
				sum = sum.add(frenchNumber(row.get(amount)));
			}
		}
		return sections;
	}

	/** Every payment of the statement together: its TOTAL GÉNÉRAL row, or the forfait's total without other payments. */
	public static BigDecimal grandTotal(Path statement) {
		return rows(statement).stream()
			.filter(r -> r.get(0).equals("TOTAL GÉNÉRAL"))
			.findFirst()
			.map(r -> frenchNumber(r.get(2)))
			.orElseGet(() -> statementTotal(statement));
	}

}
