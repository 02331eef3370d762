package fr.cds.remuneration.paymentimport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.input.CsvFormats;
import fr.cds.remuneration.input.InputFileException;

/**
 * The centres a payment import may name on an installation that knows none yet (no run, empty
 * ledger): the {@code finess} column of a {@code centres.csv} in the inputs' dialect, given with
 * {@code import-payments --centres}. A FINESS that is not a valid one refuses the whole file.
 */
final class ImportCentres {

	private static final CSVFormat FORMAT = CSVFormat.Builder.create(CsvFormats.INPUT).setHeader()
		.setSkipHeaderRecord(true)
		.get();

	private ImportCentres() {
	}

	static Set<String> read(Path file) {
		String name = file.getFileName().toString();
		try (Reader reader = CsvFormats.strictUtf8(Files.newInputStream(file));
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
			if (!parser.getHeaderMap().containsKey("finess")) {
				throw new InputFileException(name, 1, "pas de colonne « finess » dans l'en-tête : ce n'est pas un"
						+ " fichier de centres");
			}
			Set<String> centres = new TreeSet<>();
			for (CSVRecord record : parser) {
				String finess = record.get("finess").strip();
				if (Finess.parse(finess).isEmpty()) {
					throw new InputFileException(name, parser.getCurrentLineNumber(),
							"colonne finess : pas un numéro FINESS valide (9 caractères, clé de contrôle)");
				}
				centres.add(finess);
			}
			return centres;
		}
		catch (NoSuchFileException ex) {
			throw new InputFileException(name, 0, "fichier introuvable");
		}
		catch (CharacterCodingException ex) {
			throw new InputFileException(name, 0, "pas en UTF-8");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
