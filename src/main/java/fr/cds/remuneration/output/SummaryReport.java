package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.cds.remuneration.snapshot.ResultSummary;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * The regional and national summary of an exercice for the payer and the federations, as the
 * model of {@code templates/summary.html}: tables and the geometry of its inline SVG bar charts.
 */
public record SummaryReport(int exercice, String ruleSet, String latestText, List<Figure> headline,
		List<Row> byRegion, List<Row> byType, Chart regionChart, Chart distribution, Chart socleFailures,
		Optional<Comparison> previous) {

	/** The same report with one more key figure in its header. */
	public SummaryReport withFigure(Figure figure) {
		List<Figure> figures = new ArrayList<>(this.headline);
		figures.add(figure);
		return new SummaryReport(this.exercice, this.ruleSet, this.latestText, List.copyOf(figures), this.byRegion,
				this.byType, this.regionChart, this.distribution, this.socleFailures, this.previous);
	}

	/** A key figure of the header. */
	public record Figure(String label, String value) {
	}

	/**
	 * A table row: a group of centres and its totals.
	 *
	 * @param total the forfait's total, with {@code average} per centre paid
	 * @param otherPayments the other payment streams together
	 * @param allPayments every payment stream together
	 */
	public record Row(String label, long centres, long paid, long socleFailed, String total, String average,
			String otherPayments, String allPayments) {
	}

	/** A horizontal bar chart: bar lengths are in pixels of {@link #WIDTH}. */
	public record Chart(String title, List<Bar> bars, int height) {
	}

	public record Bar(String label, String value, int y, int length) {
	}

	/** The exercice against the previous one, region by region. */
	public record Comparison(int previousExercice, List<Change> changes, String nationalChange) {
	}

	public record Change(String region, String previous, String current, String variation) {
	}

	/** Width of a chart's bar area, in pixels. */
	public static final int WIDTH = 400;

	private static final int BAR_HEIGHT = 22;

	/** Upper bounds of the distribution's classes, in euros per centre. */
	private static final int[] CLASSES = { 0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 80_000, 100_000 };

	public static SummaryReport of(int exercice, String ruleSet, String latestText, List<ResultSummary> results,
			Map<String, Long> socleFailures, Optional<PreviousExercice> previous, RegionTable regions) {
		CentreTotals national = CentreTotals.of(results);
		List<Figure> headline = new ArrayList<>(List.of(new Figure("Centres calculés", FrenchFormat.integer(national.centres())),
				new Figure("Centres payés", FrenchFormat.integer(national.paid())),
				new Figure("Socle non atteint", FrenchFormat.integer(national.socleFailed())),
				new Figure("Rémunération forfaitaire", FrenchFormat.euros(national.total())),
				new Figure("Moyenne par centre payé", FrenchFormat.euros(national.averagePerCentrePaid()))));
		PaymentStream.others().forEach(stream -> headline
			.add(new Figure(FrenchFormat.capitalized(stream.label()), FrenchFormat.euros(national.byStream().get(stream)))));
		headline.add(new Figure("Tous paiements", FrenchFormat.euros(national.grandTotal())));
		Map<String, List<ResultSummary>> byRegionCode = results.stream()
			.collect(Collectors.groupingBy(ResultSummary::regionCode, TreeMap::new, Collectors.toList()));
		Function<String, String> regionName = code -> regions.regionName(code).orElse(code);
		List<Row> byRegion = rows(byRegionCode, regionName);
		Map<String, List<ResultSummary>> byTypeCode = results.stream()
			.collect(Collectors.groupingBy(ResultSummary::centreType, TreeMap::new, Collectors.toList()));
		List<Row> byType = rows(byTypeCode, code -> CentreType.fromCode(code).map(CentreType::label).orElse(code));

		Map<String, BigDecimal> regionTotals = new LinkedHashMap<>();
		byRegionCode.forEach((code, list) -> regionTotals.put(regionName.apply(code), CentreTotals.of(list).total()));
		Chart regionChart = chart("Rémunération forfaitaire par région", sortedDescending(regionTotals),
				FrenchFormat::euros);

		Map<String, BigDecimal> classes = new LinkedHashMap<>();
		for (int i = 0; i <= CLASSES.length; i++) {
			classes.put(classLabel(i), BigDecimal.ZERO);
		}
		for (ResultSummary result : results) {
			classes.merge(classLabel(classOf(result.totalEuros())), BigDecimal.ONE, BigDecimal::add);
		}
		Chart distribution = chart("Répartition des centres par montant perçu", classes,
				SummaryReport::centres);

		Map<String, BigDecimal> failures = new LinkedHashMap<>();
		socleFailures.forEach((code, count) -> failures.put(code, BigDecimal.valueOf(count)));
		Chart socleChart = chart("Centres n'atteignant pas un indicateur du socle", sortedDescending(failures),
				SummaryReport::centres);

		Optional<Comparison> comparison = previous.map(p -> compare(p, byRegionCode, national, regionName));
		return new SummaryReport(exercice, ruleSet, latestText, headline, byRegion, byType, regionChart, distribution,
				socleChart, comparison);
	}

	/** The results of the previous exercice, when it was computed in the same database. */
	public record PreviousExercice(int exercice, List<ResultSummary> results) {
	}

	private static Comparison compare(PreviousExercice previous, Map<String, List<ResultSummary>> current,
			CentreTotals national, Function<String, String> regionName) {
		Map<String, List<ResultSummary>> before = previous.results()
			.stream()
			.collect(Collectors.groupingBy(ResultSummary::regionCode, TreeMap::new, Collectors.toList()));
		TreeMap<String, Boolean> codes = new TreeMap<>();
		before.keySet().forEach(c -> codes.put(c, true));
		current.keySet().forEach(c -> codes.put(c, true));
		List<Change> changes = new ArrayList<>();
		for (String code : codes.keySet()) {
			BigDecimal then = CentreTotals.of(before.getOrDefault(code, List.of())).total();
			BigDecimal now = CentreTotals.of(current.getOrDefault(code, List.of())).total();
			changes.add(new Change(regionName.apply(code), FrenchFormat.euros(then), FrenchFormat.euros(now),
					variation(then, now)));
		}
		return new Comparison(previous.exercice(), changes,
				variation(CentreTotals.of(previous.results()).total(), national.total()));
	}

	private static String centres(BigDecimal count) {
		return FrenchFormat.integer(count.longValue()) + (count.longValue() > 1 ? " centres" : " centre");
	}

	private static String variation(BigDecimal then, BigDecimal now) {
		if (then.signum() == 0) {
			return now.signum() == 0 ? "—" : "nouveau";
		}
		BigDecimal rate = now.subtract(then).divide(then, 6, RoundingMode.HALF_UP);
		return (rate.signum() > 0 ? "+" : "") + FrenchFormat.percent(rate);
	}

	private static List<Row> rows(Map<String, List<ResultSummary>> groups, Function<String, String> label) {
		List<Row> rows = new ArrayList<>();
		groups.forEach((key, list) -> {
			CentreTotals group = CentreTotals.of(list);
			rows.add(new Row(label.apply(key), group.centres(), group.paid(), group.socleFailed(),
					FrenchFormat.euros(group.total()), FrenchFormat.euros(group.averagePerCentrePaid()),
					FrenchFormat.euros(group.grandTotal().subtract(group.total())), FrenchFormat.euros(group.grandTotal())));
		});
		return rows;
	}

	private static Chart chart(String title, Map<String, BigDecimal> values, Function<BigDecimal, String> format) {
		BigDecimal max = values.values().stream().max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
		List<Bar> bars = new ArrayList<>();
		int y = 0;
		for (Map.Entry<String, BigDecimal> entry : values.entrySet()) {
			int length = max.signum() == 0 ? 0
					: entry.getValue().multiply(BigDecimal.valueOf(WIDTH)).divide(max, 0, RoundingMode.HALF_UP).intValue();
			bars.add(new Bar(entry.getKey(), format.apply(entry.getValue()), y, length));
			y += BAR_HEIGHT;
		}
		return new Chart(title, bars, Math.max(y, BAR_HEIGHT));
	}

	private static Map<String, BigDecimal> sortedDescending(Map<String, BigDecimal> values) {
		Map<String, BigDecimal> sorted = new LinkedHashMap<>();
		values.entrySet()
			.stream()
			.sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	private static int classOf(BigDecimal amount) {
		for (int i = 0; i < CLASSES.length; i++) {
			if (amount.compareTo(BigDecimal.valueOf(CLASSES[i])) <= 0) {
				return i;
			}
		}
		return CLASSES.length;
	}

	private static String classLabel(int index) {
		if (index == 0) {
			return "0 € (non payés)";
		}
		if (index == CLASSES.length) {
			return "plus de " + FrenchFormat.integer(CLASSES[CLASSES.length - 1]) + " €";
		}
		return FrenchFormat.integer(CLASSES[index - 1]) + " à " + FrenchFormat.integer(CLASSES[index]) + " €";
	}

}
