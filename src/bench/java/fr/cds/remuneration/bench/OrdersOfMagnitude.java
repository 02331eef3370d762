package fr.cds.remuneration.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import fr.cds.remuneration.input.CsvFormats;

/**
 * The synthetic run's national totals next to the payer's published aggregates: a report of orders
 * of magnitude, not a fit (the generator is never tuned to these figures). The synthetic side is
 * read from the run's {@code regional-summary.csv}: centres paid the forfait and the forfait's
 * total, by centre type and in all; the published side from {@link PublishedAggregate}.
 */
final class OrdersOfMagnitude {

	/** Centres paid and forfait total of one group of centres. */
	record Group(long paid, BigDecimal forfait) {

		static final Group NONE = new Group(0, BigDecimal.ZERO);

		Group plus(Group other) {
			return new Group(this.paid + other.paid, this.forfait.add(other.forfait));
		}

		BigDecimal value(PublishedAggregate.Measure measure) {
			return switch (measure) {
				case CENTRES_PAYES -> BigDecimal.valueOf(this.paid);
				case MONTANT_TOTAL_EUR -> this.forfait;
				case MOYENNE_PAR_CENTRE_EUR -> this.paid == 0 ? BigDecimal.ZERO
						: this.forfait.divide(BigDecimal.valueOf(this.paid), 2, RoundingMode.HALF_UP);
			};
		}

	}

	/**
	 * The synthetic totals: by centre type label, and {@code ""} for all centres (the summary's
	 * national row).
	 */
	static Map<String, Group> read(Path regionalSummary) {
		Map<String, Group> groups = new TreeMap<>();
		CSVFormat format = CsvFormats.OUTPUT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = CsvFormats.strictUtf8(Files.newInputStream(regionalSummary))) {
			for (CSVRecord row : format.parse(reader)) {
				Group group = new Group(Long.parseLong(row.get("centres_payes")),
						new BigDecimal(row.get("forfait_eur").replace(',', '.')));
				String key = row.get("code_region").equals("TOTAL") ? "" : row.get("type_centre");
				groups.merge(key, group, Group::plus);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lecture impossible de " + regionalSummary, ex);
		}
		return groups;
	}

	/** The side-by-side table, in the order of the published aggregates. */
	static String report(int exercice, Map<String, Group> synthetic, List<PublishedAggregate> published) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%nOrdres de grandeur : exercice synthétique %d face aux agrégats publiés par le payeur%n",
				exercice));
		out.append("  (un constat, pas un ajustement : le générateur n'est pas calé sur eux ; synthétique = le forfait du run,\n"
				+ "  sans les paiements hors forfait ; les années publiées diffèrent de l'exercice synthétique)\n");
		out.append(String.format(Locale.ROOT, "  %-29s %-11s %16s %16s %6s %7s%n", "mesure", "centres", "synthétique", "publié",
				"année", "rapport"));
		for (PublishedAggregate aggregate : published) {
			Group group = synthetic.getOrDefault(aggregate.centreType(), Group.NONE);
			BigDecimal ours = group.value(aggregate.measure());
			String ratio = aggregate.value().signum() == 0 ? "—"
					: ours.divide(aggregate.value(), 2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
			String number = aggregate.measure() == PublishedAggregate.Measure.MOYENNE_PAR_CENTRE_EUR ? "%,16.2f" : "%,16.0f";
			out.append(String.format(Locale.FRANCE, "  %-29s %-11s " + number + " " + number + " %6d %7s%n",
					aggregate.measure().label(), aggregate.centreType().isEmpty() ? "tous" : aggregate.centreType(), ours,
					aggregate.value(), aggregate.year(), ratio));
		}
		out.append("  sources : ").append(PublishedAggregate.RESOURCE.substring(1)).append(" (la citation de chaque chiffre)\n");
		return out.toString();
	}

	private OrdersOfMagnitude() {
	}

}
