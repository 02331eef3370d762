package fr.cds.remuneration.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.output.LatestText;
import fr.cds.remuneration.output.RegionalSummaryWriter;
import fr.cds.remuneration.snapshot.ResultSummary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national totals read back from a run's regional summary and set next to the published
 * aggregates. Five centres in two regions, amounts chosen so that the figures are easy to check by
 * hand: médical paid 2 (50,000 + 58,000 = 108,000 €, average 54,000 €, ratio 54,000 / 53,900 =
 * 1.00), every type paid 4 (108,000 + 30,000 + 20,000 = 158,000 €, average 39,500 €, ratio
 * 39,500 / 39,532.51 = 1.00), one médical centre not paid.
 */
class OrdersOfMagnitudeTest {

	@TempDir
	Path work;

	@Test
	void theRunsNationalTotalsStandNextToThePublishedAggregates() {
		Path summary = this.work.resolve("regional-summary.csv");
		RegionalSummaryWriter.write(summary, List.of(
				centre("750000101", "M", "11", true, "50000.00"),
				centre("690000104", "M", "84", true, "58000.00"),
				centre("690000203", "M", "84", false, "0.00"),
				centre("750000200", "P", "11", true, "30000.00"),
				centre("750000309", "D", "11", true, "20000.00")),
				RegionTable.load(), new LatestText("avenant-5", "Avenant 5", LocalDate.of(2024, 3, 15)));

		Map<String, OrdersOfMagnitude.Group> totals = OrdersOfMagnitude.read(summary);

		assertThat(totals.get("médical")).isEqualTo(new OrdersOfMagnitude.Group(2, new BigDecimal("108000.00")));
		assertThat(totals.get("")).isEqualTo(new OrdersOfMagnitude.Group(4, new BigDecimal("158000.00")));

		String report = OrdersOfMagnitude.report(2024, totals, PublishedAggregate.load());
		assertThat(report).containsPattern("moyenne par centre payé \\(€\\) +médical +54\\h000,00 +53\\h900,00 +2024 +1,00");
		assertThat(report).containsPattern("moyenne par centre payé \\(€\\) +tous +39\\h500,00 +39\\h532,51 +2022 +1,00");
		assertThat(report).containsPattern("centres payés +tous +4 +2\\h398 +2022 +0,00");
		// one dental centre paid, against 1,111 published
		assertThat(report).containsPattern("centres payés +dentaire +1 +1\\h111 +2024 +0,00");
	}

	@Test
	void everyPublishedFigureOfTheIssueIsThere() {
		assertThat(PublishedAggregate.load()).extracting(a -> a.year() + " " + a.measure() + " " + a.centreType() + " "
				+ a.value().stripTrailingZeros().toPlainString())
			.contains("2022 CENTRES_PAYES  2398", "2022 MONTANT_TOTAL_EUR  94700000", "2022 MOYENNE_PAR_CENTRE_EUR  39532.51",
					"2024 CENTRES_PAYES  2671", "2024 MOYENNE_PAR_CENTRE_EUR médical 53900");
	}

	private static ResultSummary centre(String finess, String type, String region, boolean socleMet, String euros) {
		return new ResultSummary(finess, 2024, "accord-2015@2026.1", type, region, socleMet, new BigDecimal(euros),
				Map.<PaymentStream, BigDecimal>of());
	}

}
