package fr.cds.remuneration.simulation;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.common.DataCode;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.extract.PopulationCounts;
import fr.cds.remuneration.input.CsvFormats;
import fr.cds.remuneration.input.HeaderCheck;
import fr.cds.remuneration.input.InputFileException;

/**
 * A patient-count summary, the calculette's substitute for the insurer's extract: one row per
 * centre and patient list ({@code medecin_traitant}, {@code file_active},
 * {@code file_active_equipe}) with its counts in total and by status.
 */
public final class PatientCountsFile {

	public static final List<String> COLUMNS = List.of("finess", "population", "patients", "c2s", "ame", "ald",
			"handicap");

	private PatientCountsFile() {
	}

	/** The counts of {@code finess}; an error names the file, line and field of any bad value. */
	public static PatientAggregate read(Path path, Finess finess) {
		String file = path.getFileName().toString();
		try (Reader reader = CsvFormats.strictUtf8(Files.newInputStream(path));
				CSVParser parser = CSVParser.builder().setReader(reader).setFormat(CsvFormats.INPUT).get()) {
			Iterator<CSVRecord> records = parser.iterator();
			Map<String, Integer> columns = HeaderCheck.columns(file, COLUMNS, records.hasNext() ? records.next() : null);
			Map<Population, PopulationCounts> populations = new EnumMap<>(Population.class);
			while (records.hasNext()) {
				CSVRecord record = records.next();
				long line = parser.getCurrentLineNumber();
				if (!record.get(columns.get("finess")).strip().equals(finess.value())) {
					continue;
				}
				String name = record.get(columns.get("population")).strip();
				Population population = DataCode.parse(Population.class, name)
					.orElseThrow(() -> new InputFileException(file, line, "population : valeur inconnue '" + name
							+ "' (attendu : medecin_traitant, file_active ou file_active_equipe)"));
				PatientCounts.Checked counts = PatientCounts.check(population, c -> record.get(columns.get(c)));
				if (!counts.problems().isEmpty()) {
					PatientCounts.Problem problem = counts.problems().get(0);
					throw new InputFileException(file, line, problem.column() + " : " + problem.reason());
				}
				if (populations.put(population, counts.counts()) != null) {
					throw new InputFileException(file, line, "population : " + name + " donnée deux fois pour " + finess);
				}
			}
			Map<Population, Long> sizes = new EnumMap<>(Population.class);
			populations.forEach((population, counts) -> sizes.put(population, counts.patients()));
			PatientCounts.checkLists(sizes).ifPresent(problem -> {
				throw new InputFileException(file, 0, problem.population().dataValue() + " : " + problem.reason());
			});
			return new PatientAggregate(0, populations, Map.of());
		}
		catch (IOException ex) {
			throw new InputFileException(file, 0, "lecture impossible : " + ex.getMessage(), ex);
		}
	}

}
