package fr.cds.remuneration.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Reads and validates a whole small input file outside a job (simulation, calculette), with the
 * same reader and validators as the annual run, so that a file accepted here is accepted there.
 */
public final class ValidatedFile {

	private ValidatedFile() {
	}

	public static <T> List<Validated<T>> read(Path path, InputFile layout, ItemProcessor<CsvRow, Validated<T>> validator) {
		return read(path, layout, InputEncoding.UTF_8, validator);
	}

	/** Reads a file in {@code encoding}; a file that cannot be read is an {@link InputFileException}. */
	public static <T> List<Validated<T>> read(Path path, InputFile layout, InputEncoding encoding,
			ItemProcessor<CsvRow, Validated<T>> validator) {
		CsvFileReader reader = new CsvFileReader(path, layout, encoding);
		try {
			reader.open(new ExecutionContext());
			List<Validated<T>> rows = new ArrayList<>();
			CsvRow row;
			while ((row = reader.read()) != null) {
				rows.add(validator.process(row));
			}
			return rows;
		}
		catch (InputFileException ex) {
			throw ex;
		}
		catch (ItemStreamException ex) {
			// how the reader reports a file it cannot open: its header, its encoding
			if (ex.getCause() instanceof InputFileException refused) {
				throw refused;
			}
			throw new InputFileException(layout.fileName(), 0, "lecture impossible : " + ex.getMessage(), ex);
		}
		catch (Exception ex) {
			throw new InputFileException(layout.fileName(), 0, "lecture impossible : " + ex.getMessage(), ex);
		}
		finally {
			reader.close();
		}
	}

}
