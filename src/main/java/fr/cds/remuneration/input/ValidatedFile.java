package fr.cds.remuneration.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads and validates a whole small input file outside a job (simulation, calculette), with the
 * same reader and validators as the annual run, so that a file accepted here is accepted there.
 */
public final class ValidatedFile {

	private ValidatedFile() {
	}

	public static <T> List<Validated<T>> read(Path path, InputFile layout, ItemProcessor<CsvRow, Validated<T>> validator) {
		CsvFileReader reader = new CsvFileReader(path, layout);
		reader.open(new ExecutionContext());
		try {
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
		catch (Exception ex) {
			throw new InputFileException(layout.fileName(), 0, "cannot read: " + ex.getMessage(), ex);
		}
		finally {
			reader.close();
		}
	}

}
