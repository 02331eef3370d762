package fr.cds.remuneration.peer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The groups a centre is compared with and what may be published about them: regional from 5
 * centres of the type, national below; never a figure equal to one centre's.
 */
class PeerBenchmarkTest {

	private static int next = 1;

	/** A centre with only a forfait per FTE (the other measures left out, with a reason). */
	private static PeerFigures centre(String type, String region, String perFte) {
		Map<Measure, BigDecimal> values = new EnumMap<>(Measure.class);
		Map<Measure, String> reasons = new EnumMap<>(Measure.class);
		if (perFte == null) {
			reasons.put(Measure.FORFAIT_PER_FTE, "aucun ETP");
		}
		else {
			values.put(Measure.FORFAIT_PER_FTE, new BigDecimal(perFte));
		}
		reasons.put(Measure.FORFAIT_PER_MT_PATIENT, "sans objet");
		reasons.put(Measure.COMMITMENTS_MET, "aucun engagement");
		return new PeerFigures(String.valueOf(next++), type, type.equals("M") ? "médical" : "polyvalent", region,
				"région " + region, values, reasons);
	}

	private static List<Optional<BigDecimal>> published(PeerGroup group) {
		return group.quartiles().orElseThrow().stream().map(PeerGroup.Statistic::value).toList();
	}

	@Test
	void aRegionWithFewerThanFiveCentresOfTheTypeIsComparedNationally() {
		List<PeerFigures> centres = new ArrayList<>();
		// région 11: 4 médical centres with a figure and 1 without (no FTE): 4 < 5 → national
		centres.add(centre("M", "11", "1000"));
		centres.add(centre("M", "11", "3000"));
		centres.add(centre("M", "11", "5000"));
		centres.add(centre("M", "11", "7000"));
		centres.add(centre("M", "11", null));
		// région 84: 3 more médical centres
		centres.add(centre("M", "84", "2000"));
		centres.add(centre("M", "84", "4000"));
		centres.add(centre("M", "84", "9000"));
		PeerBenchmark benchmark = PeerBenchmark.of(centres);

		PeerComparison.Row row = benchmark.compare(centres.get(0)).rows().get(Measure.FORFAIT_PER_FTE.ordinal());
		assertThat(row.measure()).isEqualTo(Measure.FORFAIT_PER_FTE);
		assertThat(row.nationalFallback()).isTrue();
		assertThat(row.regional().centres()).isEqualTo(4);
		assertThat(row.regional().excluded()).isEqualTo(1);
		assertThat(row.regional().publishable()).isFalse();
		PeerGroup national = row.group();
		assertThat(national.centres()).isEqualTo(7);
		assertThat(national.excluded()).isEqualTo(1);
		// national, sorted: 1000 2000 3000 4000 5000 7000 9000 (n = 7)
		// Q1 at (7-1)/4 = 1.5: 2000 + 0.5 × (3000 - 2000) = 2500
		// median at 3: 4000, the figure of one centre alone → not published
		// Q3 at 4.5: 5000 + 0.5 × (7000 - 5000) = 6000
		assertThat(published(national)).containsExactly(Optional.of(new BigDecimal("2500.00")), Optional.empty(),
				Optional.of(new BigDecimal("6000.00")));
	}

	@Test
	void aRegionWithFiveCentresOrMoreIsComparedWithinTheRegion() {
		List<PeerFigures> centres = new ArrayList<>();
		for (String v : new String[] { "100", "200", "300", "400", "500", "600" }) {
			centres.add(centre("P", "44", v));
		}
		centres.add(centre("P", "11", "50"));
		PeerBenchmark benchmark = PeerBenchmark.of(centres);

		PeerComparison.Row row = benchmark.compare(centres.get(2)).rows().get(Measure.FORFAIT_PER_FTE.ordinal());
		assertThat(row.nationalFallback()).isFalse();
		assertThat(row.group().regionCode()).isEqualTo("44");
		assertThat(row.value()).contains(new BigDecimal("300.00"));
		// n = 6: Q1 at 1.25: 200 + 0.25 × 100 = 225; median at 2.5: 350; Q3 at 3.75: 400 + 0.75 × 100 = 475
		assertThat(published(row.group())).containsExactly(Optional.of(new BigDecimal("225.00")),
				Optional.of(new BigDecimal("350.00")), Optional.of(new BigDecimal("475.00")));
		// the centre of région 11 (1 polyvalent there) gets the national group of 7
		PeerComparison.Row alone = benchmark.compare(centres.get(6)).rows().get(Measure.FORFAIT_PER_FTE.ordinal());
		assertThat(alone.nationalFallback()).isTrue();
		assertThat(alone.group().centres()).isEqualTo(7);
	}

	@Test
	void fewerThanFiveCentresNationallyPublishNothing() {
		List<PeerFigures> centres = List.of(centre("M", "11", "1"), centre("M", "11", "2"), centre("M", "84", "3"),
				centre("M", "84", "4"));
		PeerComparison.Row row = PeerBenchmark.of(centres).compare(centres.get(0)).rows().get(Measure.FORFAIT_PER_FTE.ordinal());
		assertThat(row.group().national()).isTrue();
		assertThat(row.group().publishable()).isFalse();
	}

	@Test
	void aQuartileSharedByTwoCentresIsPublishedAndOneOfASingleCentreIsNot() {
		// n = 5: the quartiles are the 2nd, 3rd and 4th values: 20 (two centres), 20 (two centres), 30 (one)
		List<PeerFigures> centres = new ArrayList<>();
		for (String v : new String[] { "10", "20", "20", "30", "40" }) {
			centres.add(centre("M", "11", v));
		}
		PeerGroup group = PeerBenchmark.of(centres).compare(centres.get(0)).rows().get(Measure.FORFAIT_PER_FTE.ordinal())
			.group();
		assertThat(group.national()).isFalse();
		assertThat(published(group)).containsExactly(Optional.of(new BigDecimal("20.00")),
				Optional.of(new BigDecimal("20.00")), Optional.empty());
	}

	@Test
	void aQuartileEqualToOneCentreOnlyOnceRoundedIsNotPublishedEither() {
		// n = 6, median at 2.5 between 30.001 and 30.009: 30.005 → 30.01 as published, which is
		// also the fourth centre's 30.009 as published (the third's is 30.00): it would reveal that
		// centre to the cent
		List<PeerFigures> centres = new ArrayList<>();
		for (String v : new String[] { "10", "20", "30.001", "30.009", "50", "60" }) {
			centres.add(centre("M", "11", v));
		}
		PeerGroup group = PeerBenchmark.of(centres).compare(centres.get(0)).rows().get(Measure.FORFAIT_PER_FTE.ordinal())
			.group();
		assertThat(published(group).get(1)).isEmpty();
	}

	@Test
	void noPublishedFigureIsEverTheFigureOfOneCentreAlone() {
		Random random = new Random(20);
		for (int trial = 0; trial < 500; trial++) {
			int n = 1 + random.nextInt(14);
			List<PeerFigures> centres = new ArrayList<>();
			List<BigDecimal> values = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				// few distinct values, so that ties and coincidences happen
				BigDecimal value = BigDecimal.valueOf(random.nextInt(8) * 250L).add(new BigDecimal("0.005").multiply(
						BigDecimal.valueOf(random.nextInt(3))));
				values.add(value);
				centres.add(centre("M", i % 3 == 0 ? "11" : "84", value.toPlainString()));
			}
			for (PeerGroup group : PeerBenchmark.of(centres).groups()) {
				if (group.measure() != Measure.FORFAIT_PER_FTE) {
					continue;
				}
				List<BigDecimal> ofGroup = new ArrayList<>();
				for (int i = 0; i < n; i++) {
					if (group.national() || centres.get(i).regionCode().equals(group.regionCode())) {
						ofGroup.add(values.get(i).setScale(2, java.math.RoundingMode.HALF_UP));
					}
				}
				assertThat(group.publishable()).isEqualTo(ofGroup.size() >= 5);
				group.quartiles().ifPresent(q -> q.forEach(s -> s.value().ifPresent(v -> assertThat(
						ofGroup.stream().filter(x -> x.compareTo(v) == 0).count()).as("centres at %s in %s", v, ofGroup)
					.isNotEqualTo(1L))));
			}
		}
	}

}
