package fr.cds.remuneration.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;

import fr.cds.remuneration.run.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark ({@code scripts/benchmark.sh}): on the same generated national file, the annual
 * job of the production jar, DuckDB's two queries and (once) the textbook Spring Batch job, each
 * in a JVM of its own, this project's run and DuckDB alternating round after round so that the
 * shared machine's drift hits both alike. Prints every run of every figure and, per round, the
 * ratios issue 21 sets targets on. A measuring tool, not a test.
 */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
		description = { "Measure the annual job on national data against DuckDB and the textbook approach.",
				"Generates the data (or reuses it), runs each program in its own JVM, alternating, and prints",
				"every run and the ratios; then the run's national totals next to the payer's published aggregates",
				"(--compare-summary: that table alone, for any run)." })
public class BenchmarkCommand implements Callable<Integer> {

	private static final Pattern STEP = Pattern.compile("Step: \\[(\\w+)] executed in (\\S+)");

	private static final Pattern FIRST_STEP = Pattern.compile("Executing step: \\[");

	private static final Pattern SECONDS = Pattern.compile("seconds=([0-9.]+)");

	/** The exercice the benchmark generates and runs. */
	private static final int EXERCICE = 2024;

	@Option(names = "--workdir", defaultValue = "/tmp/cds-benchmark", description = "Scratch directory (default ${DEFAULT-VALUE}).")
	Path workdir;

	@Option(names = "--input", description = "Inputs already generated (skips generating them into the workdir).")
	Path input;

	@Option(names = "--patients", defaultValue = "10000000", description = "Patient rows (default ${DEFAULT-VALUE}).")
	long patients;

	@Option(names = "--centres", defaultValue = "3000", description = "Centres (default ${DEFAULT-VALUE}).")
	int centres;

	@Option(names = "--seed", defaultValue = "2024", description = "Generator seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--rounds", defaultValue = "2", description = "Rounds of (this project, DuckDB) (default ${DEFAULT-VALUE}).")
	int rounds;

	@Option(names = "--heap", defaultValue = "512m", description = "-Xmx of every JVM (default ${DEFAULT-VALUE}).")
	String heap;

	@Option(names = "--gc", defaultValue = "-XX:+UseParallelGC",
			description = "Collector of every JVM, as jobs/launch.sh starts the run (default ${DEFAULT-VALUE}).")
	String collector;

	@Option(names = "--duckdb-threads", defaultValue = "2", description = "DuckDB's threads (default ${DEFAULT-VALUE}).")
	int duckdbThreads;

	@Option(names = "--jar", defaultValue = "target/cds-remuneration.jar", description = "The production jar.")
	Path jar;

	@Option(names = "--jvm-option", description = "Extra JVM option of the measured run (e.g. -XX:SharedArchiveFile=…).")
	List<String> jvmOptions = new ArrayList<>();

	@Option(names = "--run-option", description = "Extra option of the measured run (e.g. --pdf).")
	List<String> runOptions = new ArrayList<>();

	@Option(names = "--skip-textbook", description = "Leave out the textbook job (it takes minutes).")
	boolean skipTextbook;

	@Option(names = "--skip-duckdb", description = "Measure this project's job only.")
	boolean skipDuckdb;

	@Option(names = "--compare-summary", paramLabel = "REGIONAL_SUMMARY_CSV",
			description = "Run nothing: print the national totals of this regional-summary.csv (e.g. of a national dry run)"
					+ " next to the payer's published aggregates.")
	Path compareSummary;

	/** One run of this project's job. */
	record Ours(double wall, double beforeFirstStep, double extract, double duplicates, long rssMb, long heapMb,
			List<String> steps) {

		double extractAndDuplicates() {
			return this.extract + this.duplicates;
		}

	}

	/** One run of DuckDB's two queries. */
	record Duck(double wall, double groupBy, double duplicates, long rssMb, String counts) {

		double queries() {
			return this.groupBy + this.duplicates;
		}

	}

	@Override
	public Integer call() throws Exception {
		if (this.compareSummary != null) {
			System.out.print(OrdersOfMagnitude.report(EXERCICE, OrdersOfMagnitude.read(this.compareSummary),
					PublishedAggregate.load()));
			return ExitCode.OK.code();
		}
		Path inputs = this.input != null ? this.input : generated();
		Path extract = inputs.resolve("patients.csv");
		System.out.printf(Locale.FRANCE, "Mesure : %s (%,.0f Mo), -Xmx%s %s, %d cœurs, charge moyenne %s%n", inputs,
				Files.size(extract) / 1e6, this.heap, this.collector, Runtime.getRuntime().availableProcessors(),
				loadAverage());
		List<Ours> ours = new ArrayList<>();
		List<Duck> ducks = new ArrayList<>();
		for (int round = 1; round <= this.rounds; round++) {
			// alternate who goes first: a machine growing busier mid-round weighs on both alike
			boolean duckFirst = round % 2 == 0 && !this.skipDuckdb;
			if (duckFirst) {
				ducks.add(duck(extract, round));
			}
			Optional<Ours> run = ours(inputs, round);
			if (run.isEmpty()) {
				return ExitCode.FAILED.code();
			}
			ours.add(run.get());
			if (!duckFirst && !this.skipDuckdb) {
				ducks.add(duck(extract, round));
			}
			printRound(round, run.get(), this.skipDuckdb ? null : ducks.get(ducks.size() - 1));
		}
		BenchmarkReport.print(ours, ducks);
		regionalSummary(this.workdir.resolve("annual-1/output")).ifPresent(summary -> System.out.print(
				OrdersOfMagnitude.report(EXERCICE, OrdersOfMagnitude.read(summary), PublishedAggregate.load())));
		if (!this.skipTextbook) {
			textbook(extract);
		}
		return ExitCode.OK.code();
	}

	private Optional<Ours> ours(Path inputs, int round) throws IOException, InterruptedException {
		Path dir = fresh("annual-" + round);
		Path gcLog = dir.resolve("gc.log");
		List<String> command = new ArrayList<>(jvm(gcLog));
		command.addAll(this.jvmOptions);
		command.addAll(List.of("-jar", this.jar.toAbsolutePath().toString(), "run", "--exercice",
				String.valueOf(EXERCICE), "--input", inputs.toAbsolutePath().toString(), "--output",
				dir.resolve("output").toString(), "--extraction-date", "2025-02-14"));
		command.addAll(this.runOptions);
		MeasuredProcess.Result result = MeasuredProcess.run(command,
				Map.of("CDS_HOME", dir.resolve("home").toString(), "CDS_DB_URL", "jdbc:h2:file:" + dir.resolve("db/cds")),
				dir, gcLog);
		if (result.exitCode() != 0 && result.exitCode() != 8) {
			System.out.println("le run de ce projet s'est terminé avec le code " + result.exitCode() + " ; voir " + result.log());
			return Optional.empty();
		}
		List<String> steps = new ArrayList<>();
		double extract = 0;
		double duplicates = 0;
		for (MeasuredProcess.Line line : result.lines()) {
			Matcher step = STEP.matcher(line.text());
			if (step.find()) {
				double seconds = seconds(step.group(2));
				steps.add(String.format("%s %.1f", step.group(1), seconds));
				extract += step.group(1).equals("patientExtract") ? seconds : 0;
				duplicates += step.group(1).equals("patientDuplicates") ? seconds : 0;
			}
		}
		return Optional.of(new Ours(result.wallSeconds(), result.secondsAtFirst(FIRST_STEP).orElse(Double.NaN), extract,
				duplicates, result.peakRssMb(), result.peakHeapMb(), steps));
	}

	private Duck duck(Path extract, int round) throws IOException, InterruptedException {
		Path dir = fresh("duckdb-" + round);
		List<String> command = new ArrayList<>(jvm(null));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), DuckDbQueries.class.getName(),
				extract.toAbsolutePath().toString(), String.valueOf(this.duckdbThreads)));
		MeasuredProcess.Result result = MeasuredProcess.run(command, Map.of("TMPDIR", dir.toString()), dir, null);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("DuckDB s'est terminé avec le code " + result.exitCode() + " ; voir " + result.log());
		}
		String groupBy = line(result, DuckDbQueries.GROUP_BY_LINE);
		String duplicates = line(result, DuckDbQueries.DUPLICATES_LINE);
		return new Duck(result.wallSeconds(), secondsIn(groupBy), secondsIn(duplicates), result.peakRssMb(),
				groupBy.replaceAll(".*seconds=\\S+ ", "") + ", " + duplicates.replaceAll(".*seconds=\\S+ ", ""));
	}

	private void textbook(Path extract) throws IOException, InterruptedException {
		Path dir = fresh("textbook");
		Path gcLog = dir.resolve("gc.log");
		List<String> command = new ArrayList<>(jvm(gcLog));
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), TextbookMain.class.getName(), "--input",
				extract.toAbsolutePath().toString()));
		MeasuredProcess.Result result = MeasuredProcess.run(command,
				Map.of("CDS_HOME", dir.resolve("home").toString(), "CDS_DB_URL", "jdbc:h2:file:" + dir.resolve("db/cds")),
				dir, gcLog);
		double load = 0;
		double groupBy = 0;
		for (MeasuredProcess.Line line : result.lines()) {
			Matcher step = STEP.matcher(line.text());
			if (step.find()) {
				load += step.group(1).equals("textbookLoad") ? seconds(step.group(2)) : 0;
				groupBy += step.group(1).equals("textbookGroupBy") ? seconds(step.group(2)) : 0;
			}
		}
		System.out.printf(Locale.FRANCE, "%nmanuel (FlatFileItemReader → JdbcBatchItemWriter → GROUP BY), code %d : durée %.1f s,"
				+ " chargement %.1f s, GROUP BY %.1f s, RSS max %d Mo, tas max %d Mo (charge moyenne %s)%n", result.exitCode(),
				result.wallSeconds(), load, groupBy, result.peakRssMb(), result.peakHeapMb(), loadAverage());
	}

	private void printRound(int round, Ours ours, Duck duck) {
		System.out.printf("%ntour %d (charge moyenne %s)%n", round, loadAverage());
		System.out.printf(Locale.FRANCE, "  ce projet    : durée %.1f s (JVM comprise), avant la première étape %.1f s,"
				+ " extraction %.1f s + recherche des doublons %.1f s, RSS max %d Mo, tas max %d Mo%n", ours.wall(),
				ours.beforeFirstStep(), ours.extract(), ours.duplicates(), ours.rssMb(), ours.heapMb());
		System.out.printf("                 étapes : %s%n", String.join(", ", ours.steps()));
		if (duck != null) {
			System.out.printf(Locale.FRANCE, "  DuckDB       : durée %.1f s (JVM comprise), GROUP BY %.2f s + doublons %.2f s,"
					+ " RSS max %d Mo (%s)%n", duck.wall(), duck.groupBy(), duck.duplicates(), duck.rssMb(), duck.counts());
			System.out.printf(Locale.FRANCE, "  rapports     : run entier / DuckDB (JVM comprise) %.2f ; extraction + doublons / requêtes"
					+ " de DuckDB %.2f ; RSS max ce projet / DuckDB %.2f%n", ours.wall() / duck.wall(),
					ours.extractAndDuplicates() / duck.queries(), (double) ours.rssMb() / duck.rssMb());
		}
	}

	private List<String> jvm(Path gcLog) {
		List<String> command = new ArrayList<>(List.of(MeasuredProcess.javaBinary(), "-Xmx" + this.heap, this.collector));
		if (gcLog != null) {
			command.add("-Xlog:gc:file=" + gcLog);
		}
		return command;
	}

	private Path generated() throws IOException, InterruptedException {
		Path inputs = this.workdir.resolve("inputs");
		Path marker = inputs.resolve("generated-with.txt");
		String options = "centres=" + this.centres + " patients=" + this.patients + " seed=" + this.seed;
		if (Files.exists(marker) && Files.readString(marker).equals(options)) {
			System.out.println("Reprise des données générées dans " + inputs + " (" + options + ")");
			return inputs;
		}
		Path dir = fresh("generate");
		MeasuredProcess.Result result = MeasuredProcess.run(List.of(MeasuredProcess.javaBinary(), "-jar",
				this.jar.toAbsolutePath().toString(), "generate", "--output", inputs.toString(), "--centres",
				String.valueOf(this.centres), "--patients", String.valueOf(this.patients), "--seed",
				String.valueOf(this.seed)), Map.of("CDS_HOME", dir.resolve("home").toString()), dir, null);
		if (result.exitCode() != 0) {
			throw new IllegalStateException("generate s'est terminé avec le code " + result.exitCode() + " ; voir " + result.log());
		}
		Files.writeString(marker, options);
		System.out.printf(Locale.FRANCE, "Données générées dans %s en %.1f s%n", inputs, result.wallSeconds());
		return inputs;
	}

	private Path fresh(String name) throws IOException {
		Path dir = this.workdir.resolve(name);
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		return dir;
	}

	private static String line(MeasuredProcess.Result result, String prefix) {
		return result.lines()
			.stream()
			.map(MeasuredProcess.Line::text)
			.filter(text -> text.startsWith(prefix))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("DuckDB printed no '" + prefix + "'; see " + result.log()));
	}

	private static double secondsIn(String line) {
		Matcher matcher = SECONDS.matcher(line);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
	}

	/** The run's regional summary (the annual run writes one per exercice directory). */
	private static Optional<Path> regionalSummary(Path output) throws IOException {
		if (!Files.isDirectory(output)) {
			return Optional.empty();
		}
		try (var files = Files.walk(output)) {
			return files.filter(file -> file.getFileName().toString().equals("regional-summary.csv")).findFirst();
		}
	}

	static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** Parses Spring Batch's step durations: {@code 537ms}, {@code 1s537ms}, {@code 2m3s7ms}. */
	static double seconds(String duration) {
		Matcher parts = Pattern.compile("(\\d+)(ms|h|m|s)").matcher(duration);
		double seconds = 0;
		while (parts.find()) {
			long value = Long.parseLong(parts.group(1));
			seconds += switch (parts.group(2)) {
				case "h" -> value * 3600.0;
				case "m" -> value * 60.0;
				case "s" -> value;
				default -> value / 1000.0;
			};
		}
		return seconds;
	}

}
