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

	/** Sum of the amounts of the indicator rows of a statement (between its table header and TOTAL). */
	public static BigDecimal statementLinesSum(Path statement) {
		List<List<String>> rows = rows(statement);
		int start = -1;
		BigDecimal sum = BigDecimal.ZERO;
		int amount = -1;
		for (int i = 0; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			if (row.get(0).equals("Code")) {
				start = i;
				amount = row.indexOf("Montant (€)");
			}
			else if (start >= 0 && !row.get(0).equals("TOTAL") && row.size() > amount) {
				sum = sum.add(frenchNumber(row.get(amount)));
			}
		}
		return sum;
	}

}
