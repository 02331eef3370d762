package fr.cds.remuneration.bench;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The benchmark's summary: every run of every figure (never a mean alone: the shared machine's
 * speed drifts), and the ratios of issue 21, each from the two programs of one round.
 */
final class BenchmarkReport {

	private BenchmarkReport() {
	}

	static void print(List<BenchmarkCommand.Ours> ours, List<BenchmarkCommand.Duck> ducks) {
		System.out.printf("%nEvery run (in order)%n");
		figure("this project, wall (JVM included), s", ours, BenchmarkCommand.Ours::wall);
		figure("this project, before the first step, s", ours, BenchmarkCommand.Ours::beforeFirstStep);
		figure("this project, extract + duplicate search, s", ours, BenchmarkCommand.Ours::extractAndDuplicates);
		figure("this project, peak RSS, MB", ours, o -> o.rssMb());
		figure("this project, peak heap, MB", ours, o -> o.heapMb());
		if (ducks.isEmpty()) {
			return;
		}
		figure("DuckDB, wall (JVM included), s", ducks, BenchmarkCommand.Duck::wall);
		figure("DuckDB, GROUP BY + duplicates, s", ducks, BenchmarkCommand.Duck::queries);
		figure("DuckDB, peak RSS, MB", ducks, d -> d.rssMb());
		int rounds = Math.min(ours.size(), ducks.size());
		System.out.printf("%nRatios, round by round (targets: ≤ 2.9, < 1, ≤ 0.5)%n");
		StringBuilder whole = new StringBuilder();
		StringBuilder extract = new StringBuilder();
		StringBuilder memory = new StringBuilder();
		for (int i = 0; i < rounds; i++) {
			BenchmarkCommand.Ours o = ours.get(i);
			BenchmarkCommand.Duck d = ducks.get(i);
			whole.append(String.format(" %.2f", o.wall() / d.wall()));
			extract.append(String.format(" %.2f", o.extractAndDuplicates() / d.queries()));
			memory.append(String.format(" %.2f", (double) o.rssMb() / d.rssMb()));
		}
		System.out.printf("  whole run / DuckDB's two queries, JVM included :%s%n", whole);
		System.out.printf("  extract + duplicate search / DuckDB's queries  :%s%n", extract);
		System.out.printf("  peak RSS, this project / DuckDB                :%s%n", memory);
	}

	private static <T> void figure(String name, List<T> runs, ToDoubleFunction<T> value) {
		System.out.printf("  %-46s: %s%n", name,
				runs.stream().map(run -> String.format("%.1f", value.applyAsDouble(run))).collect(Collectors.joining(", ")));
	}

}
