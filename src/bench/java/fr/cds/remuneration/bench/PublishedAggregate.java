package fr.cds.remuneration.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import fr.cds.remuneration.input.CsvFormats;

/**
 * One aggregate the payer published about the centres' remuneration (number of centres paid, total,
 * average per centre), with its year and source: data in
 * {@code classpath:benchmark/published-aggregates.csv}, never tuned against.
 *
 * @param centreType the type's label ({@code médical}…), or empty for every centre
 */
record PublishedAggregate(int year, Measure measure, String centreType, BigDecimal value, String source) {

	static final String RESOURCE = "/benchmark/published-aggregates.csv";

	/** What is counted, as the regional summary lets the synthetic run count it. */
	enum Measure {

		CENTRES_PAYES("centres payés"),
		MONTANT_TOTAL_EUR("forfait total (€)"),
		MOYENNE_PAR_CENTRE_EUR("moyenne par centre payé (€)");

		private final String label;

		Measure(String label) {
			this.label = label;
		}

		String label() {
			return this.label;
		}

	}

	static List<PublishedAggregate> load() {
		try (InputStream in = PublishedAggregate.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " absent de l'application");
			}
			List<PublishedAggregate> aggregates = new ArrayList<>();
			CSVFormat format = CsvFormats.INPUT.builder().setHeader().setSkipHeaderRecord(true).get();
			for (CSVRecord row : format.parse(CsvFormats.strictUtf8(in))) {
				aggregates.add(new PublishedAggregate(Integer.parseInt(row.get("annee")),
						Measure.valueOf(row.get("mesure").toUpperCase(java.util.Locale.ROOT)), row.get("type_centre"),
						new BigDecimal(row.get("valeur")), row.get("source")));
			}
			return List.copyOf(aggregates);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lecture impossible de " + RESOURCE, ex);
		}
	}

}
