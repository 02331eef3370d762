package fr.cds.remuneration.bench;

import java.util.List;
import java.util.Locale;
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
		System.out.printf("%nChaque run (dans l'ordre)%n");
		figure("ce projet, durée (JVM comprise), s", ours, BenchmarkCommand.Ours::wall);
		figure("ce projet, avant la première étape, s", ours, BenchmarkCommand.Ours::beforeFirstStep);
		figure("ce projet, extraction + doublons, s", ours, BenchmarkCommand.Ours::extractAndDuplicates);
		figure("ce projet, RSS max, Mo", ours, o -> o.rssMb());
		figure("ce projet, tas max, Mo", ours, o -> o.heapMb());
		if (ducks.isEmpty()) {
			return;
		}
		figure("DuckDB, durée (JVM comprise), s", ducks, BenchmarkCommand.Duck::wall);
		figure("DuckDB, GROUP BY + doublons, s", ducks, BenchmarkCommand.Duck::queries);
		figure("DuckDB, RSS max, Mo", ducks, d -> d.rssMb());
		int rounds = Math.min(ours.size(), ducks.size());
		System.out.printf("%nRapports, tour par tour (cibles : ≤ 2,9, < 1, ≤ 0,5)%n");
		StringBuilder whole = new StringBuilder();
		StringBuilder extract = new StringBuilder();
		StringBuilder memory = new StringBuilder();
		for (int i = 0; i < rounds; i++) {
			BenchmarkCommand.Ours o = ours.get(i);
			BenchmarkCommand.Duck d = ducks.get(i);
			whole.append(String.format(Locale.FRANCE, " %.2f", o.wall() / d.wall()));
			extract.append(String.format(Locale.FRANCE, " %.2f", o.extractAndDuplicates() / d.queries()));
			memory.append(String.format(Locale.FRANCE, " %.2f", (double) o.rssMb() / d.rssMb()));
		}
		System.out.printf("  run entier / les deux requêtes de DuckDB, JVM comprise :%s%n", whole);
		System.out.printf("  extraction + doublons / requêtes de DuckDB          :%s%n", extract);
		System.out.printf("  RSS max, ce projet / DuckDB                         :%s%n", memory);
	}

	private static <T> void figure(String name, List<T> runs, ToDoubleFunction<T> value) {
		System.out.printf("  %-46s: %s%n", name,
				runs.stream().map(run -> String.format(Locale.FRANCE, "%.1f", value.applyAsDouble(run))).collect(Collectors.joining(" ; ")));
	}

}
