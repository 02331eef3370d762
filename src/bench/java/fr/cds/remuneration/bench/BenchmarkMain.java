package fr.cds.remuneration.bench;

import picocli.CommandLine;

/**
 * {@code scripts/benchmark.sh}: the benchmark's entry point, outside the production jar (its
 * classes and DuckDB are on the test classpath only). No Spring context: every measured program
 * runs in a process of its own.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) {
		System.exit(new CommandLine(new BenchmarkCommand()).execute(args));
	}

}
