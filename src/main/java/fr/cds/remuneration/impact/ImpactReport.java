package fr.cds.remuneration.impact;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.PaymentStream;

/**
 * What an impact computation found, draft by draft: the totals before and after (national, by
 * payment stream, by region, by type of centre), the distribution of the per-centre difference, the
 * centres whose socle verdict changes and the indicators that move. Every amount is a sum of the
 * centres' rounded amounts: nothing is rounded here.
 *
 * @param annualRunId the annual run whose snapshot was recomputed
 */
public record ImpactReport(int exercice, String baseReference, long annualRunId, LocalDate computedOn,
		List<DraftReport> drafts) {

	/** A group of centres and what it receives before and after (all streams unless said otherwise). */
	public record Group(String code, String label, long centres, BigDecimal before, BigDecimal after) {

		public BigDecimal difference() {
			return this.after.subtract(this.before);
		}

	}

	/**
	 * How the per-centre difference (all streams) is spread.
	 *
	 * @param deciles the 1st to 9th deciles, nearest rank: the k-th is the difference of the
	 * centre of rank ⌈k·n/10⌉ in increasing order
	 * @param gained the sum of the increases, {@code lost} that of the decreases (negative)
	 */
	public record Distribution(long centres, long gains, long losses, long unchanged, BigDecimal min,
			List<BigDecimal> deciles, BigDecimal max, BigDecimal gained, BigDecimal lost) {

		static Distribution of(List<CentreImpact> centres) {
			List<BigDecimal> differences = centres.stream().map(CentreImpact::difference).sorted().toList();
			int n = differences.size();
			List<BigDecimal> deciles = new ArrayList<>();
			for (int k = 1; k <= 9 && n > 0; k++) {
				int rank = (k * n + 9) / 10;
				deciles.add(differences.get(rank - 1));
			}
			BigDecimal zero = BigDecimal.ZERO.setScale(2);
			return new Distribution(n, differences.stream().filter(d -> d.signum() > 0).count(),
					differences.stream().filter(d -> d.signum() < 0).count(),
					differences.stream().filter(d -> d.signum() == 0).count(), n == 0 ? zero : differences.get(0),
					List.copyOf(deciles), n == 0 ? zero : differences.get(n - 1),
					differences.stream().filter(d -> d.signum() > 0).reduce(zero, BigDecimal::add),
					differences.stream().filter(d -> d.signum() < 0).reduce(zero, BigDecimal::add));
		}

	}

	/** A centre paid the forfait under one side and not under the other. */
	public record SocleChange(String finess, String name, String region, boolean metBefore, boolean metAfter,
			List<String> failedBefore, List<String> failedAfter, BigDecimal difference) {
	}

	/** An indicator (or a payment stream outside the forfait) whose amount moves for some centres. */
	public record IndicatorChange(String code, long centres, BigDecimal difference) {
	}

	public record DraftReport(Draft draft, Group national, List<Group> byStream, List<Group> byRegion,
			List<Group> byType, Distribution distribution, List<SocleChange> socleChanges,
			List<IndicatorChange> indicators, List<CentreImpact> centres) {

		static DraftReport of(DraftImpact impact) {
			List<CentreImpact> centres = impact.centres();
			List<Group> byStream = new ArrayList<>();
			for (PaymentStream stream : PaymentStream.values()) {
				byStream.add(group(stream.name(), stream.label(), centres,
						result -> CentreImpact.byStream(result).get(stream)));
			}
			List<SocleChange> socle = centres.stream()
				.filter(CentreImpact::socleChanged)
				.map(c -> new SocleChange(c.finess(), c.after().centre().name(), c.after().centre().regionName(),
						c.before().socle().met(), c.after().socle().met(), c.before().socle().failed(),
						c.after().socle().failed(), c.difference()))
				.toList();
			Map<String, long[]> counts = new LinkedHashMap<>();
			Map<String, BigDecimal> sums = new LinkedHashMap<>();
			for (CentreImpact centre : centres) {
				centre.moved().forEach((code, change) -> {
					counts.computeIfAbsent(code, c -> new long[1])[0]++;
					sums.merge(code, change, BigDecimal::add);
				});
			}
			List<IndicatorChange> indicators = sums.entrySet()
				.stream()
				.map(e -> new IndicatorChange(e.getKey(), counts.get(e.getKey())[0], e.getValue()))
				.sorted(Comparator.comparing((IndicatorChange c) -> c.difference().abs()).reversed()
					.thenComparing(IndicatorChange::code))
				.toList();
			return new DraftReport(impact.draft(),
					group("NATIONAL", "Total national", centres, CentreImpact::total), byStream,
					groups(centres, r -> r.centre().regionCode(), r -> r.centre().regionName()),
					groups(centres, r -> r.centre().type(), r -> r.centre().typeLabel()),
					Distribution.of(centres), socle, indicators, centres);
		}

		private static List<Group> groups(List<CentreImpact> centres, Function<CentreResult, String> code,
				Function<CentreResult, String> label) {
			Map<String, List<CentreImpact>> byCode = new TreeMap<>();
			centres.forEach(c -> byCode.computeIfAbsent(code.apply(c.after()), k -> new ArrayList<>()).add(c));
			List<Group> groups = new ArrayList<>();
			byCode.forEach((key, list) -> groups
				.add(group(key, label.apply(list.get(0).after()), list, CentreImpact::total)));
			return groups;
		}

		private static Group group(String code, String label, List<CentreImpact> centres,
				Function<CentreResult, BigDecimal> amount) {
			BigDecimal zero = BigDecimal.ZERO.setScale(2);
			return new Group(code, label, centres.size(),
					centres.stream().map(c -> amount.apply(c.before())).reduce(zero, BigDecimal::add),
					centres.stream().map(c -> amount.apply(c.after())).reduce(zero, BigDecimal::add));
		}

	}

	public static ImpactReport of(int exercice, String baseReference, long annualRunId, LocalDate computedOn,
			List<DraftImpact> impacts) {
		return new ImpactReport(exercice, baseReference, annualRunId, computedOn,
				impacts.stream().map(DraftReport::of).toList());
	}

}
