package fr.cds.remuneration.ledger;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import fr.cds.remuneration.input.CsvFormats;
import fr.cds.remuneration.input.CsvRow;
import fr.cds.remuneration.input.InputFileException;

/**
 * Reads a file of amounts paid by an earlier system, in the project's CSV dialect (strict UTF-8
 * with or without BOM, {@code ;}): checks its header, then returns every data row with its physical
 * line number. A file that cannot be read as a whole is an {@link InputFileException}.
 */
final class PaymentImportFile {

	private static final CSVFormat FORMAT = CSVFormat.Builder.create(CsvFormats.INPUT).setIgnoreEmptyLines(false).get();

	private PaymentImportFile() {
	}

	static List<CsvRow> rows(Path file) {
		String name = file.getFileName().toString();
		try (Reader reader = CsvFormats.strictUtf8(Files.newInputStream(file));
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			List<CsvRow> rows = new ArrayList<>();
			Map<String, Integer> columns = null;
			Iterator<CSVRecord> records = parser.iterator();
			while (true) {
				// the physical line where the next record starts (a quoted field may span lines)
				long line = parser.getCurrentLineNumber() + 1;
				if (!records.hasNext()) {
					break;
				}
				CSVRecord record = records.next();
				if (columns == null) {
					columns = columns(name, record);
				}
				else if (record.size() > 1 || !record.get(0).isBlank()) {
					String[] values = record.values();
					rows.add(new CsvRow(name, line, columns, values, values.length == columns.size()));
				}
			}
			if (columns == null) {
				throw new InputFileException(name, 1, "empty file: a header row is required ("
						+ String.join(";", PaymentImportRowValidator.COLUMNS) + ")");
			}
			return rows;
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(name, 0, "file not found (" + file.toAbsolutePath() + ")");
		}
		catch (UncheckedIOException ex) {
			throw unreadable(name, ex.getCause());
		}
		catch (IOException ex) {
			throw unreadable(name, ex);
		}
	}

	private static Map<String, Integer> columns(String name, CSVRecord header) {
		Map<String, Integer> columns = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
		}
		if (columns.size() != header.size() || !columns.keySet().equals(new java.util.HashSet<>(PaymentImportRowValidator.COLUMNS))) {
			throw new InputFileException(name, 1, "header does not match the expected layout: found "
					+ new TreeSet<>(columns.keySet()) + ", expected " + String.join(";", PaymentImportRowValidator.COLUMNS)
					+ " (each once, in any order, separated by ';')");
		}
		return Map.copyOf(columns);
	}

	private static InputFileException unreadable(String name, IOException cause) {
		return new InputFileException(name, 0, cause instanceof CharacterCodingException
				? "not valid UTF-8: the file may be in Windows-1252/Latin-1; convert it to UTF-8"
				: "cannot read: " + cause.getMessage(), cause);
	}

}
