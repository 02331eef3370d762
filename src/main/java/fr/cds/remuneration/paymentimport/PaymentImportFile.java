package fr.cds.remuneration.paymentimport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import fr.cds.remuneration.input.CsvFormats;
import fr.cds.remuneration.input.CsvRow;
import fr.cds.remuneration.input.HeaderCheck;
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
					columns = HeaderCheck.columns(name, PaymentImportRowValidator.COLUMNS, record);
				}
				else if (record.size() > 1 || !record.get(0).isBlank()) {
					String[] values = record.values();
					rows.add(new CsvRow(name, line, columns, values, values.length == columns.size()));
				}
			}
			if (columns == null) {
				HeaderCheck.columns(name, PaymentImportRowValidator.COLUMNS, null);
			}
			return rows;
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(name, 0, "fichier introuvable (" + file.toAbsolutePath() + ")");
		}
		catch (UncheckedIOException ex) {
			throw unreadable(name, ex.getCause());
		}
		catch (IOException ex) {
			throw unreadable(name, ex);
		}
	}

	private static InputFileException unreadable(String name, IOException cause) {
		return new InputFileException(name, 0, cause instanceof CharacterCodingException
				? "UTF-8 invalide : le fichier est peut-être en Windows-1252/Latin-1 ; convertissez-le en UTF-8"
				: "lecture impossible : " + cause.getMessage(), cause);
	}

}
