package fr.cds.remuneration.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.generator.NationalDataGenerator;
import fr.cds.remuneration.rules.RuleSetRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code benchmark}: national data, the annual job, and the textbook aggregation on the same data,
 * each in a JVM of its own (start-up included) on its own throwaway H2 database; prints wall time,
 * patient rows per second, peak heap and the ratio; then the run's national totals next to the
 * payer's published aggregates ({@link OrdersOfMagnitude}). A measuring tool, not a test.
 */
@Component
@Command(name = "benchmark", mixinStandardHelpOptions = true,
		description = { "Measure the annual job on national data against the textbook approach.",
				"Generates the data (or reuses it), runs both in separate JVMs with the same heap, and prints",
				"wall time, patient rows per second, peak heap and the ratio, then the run's national totals",
				"next to the payer's published aggregates (--compare-summary: that table alone, for any run)." })
public class BenchmarkCommand implements Callable<Integer> {

	private static final Pattern STEP = Pattern.compile("Step: \\[(\\w+)] executed in (\\S+)");

	/** The exercice the benchmark generates and runs. */
	private static final int EXERCICE = 2024;

	private static final Pattern GC = Pattern.compile("(\\d+)M->\\d+M\\((\\d+)M\\)");

	private final RegionTable regions;

	@Option(names = "--workdir", defaultValue = "/tmp/cds-benchmark", description = "Scratch directory (default ${DEFAULT-VALUE}).")
	Path workdir;

	@Option(names = "--patients", defaultValue = "10000000", description = "Patient rows (default ${DEFAULT-VALUE}).")
	long patients;

	@Option(names = "--centres", defaultValue = "3000", description = "Centres (default ${DEFAULT-VALUE}).")
	int centres;

	@Option(names = "--seed", defaultValue = "2024", description = "Generator seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--heap", defaultValue = "512m", description = "-Xmx of both JVMs (default ${DEFAULT-VALUE}).")
	String heap;

	@Option(names = "--gc", defaultValue = "-XX:+UseParallelGC",
			description = "Collector of both JVMs, as jobs/launch.sh starts the run (default ${DEFAULT-VALUE}).")
	String collector;

	@Option(names = "--jar", defaultValue = "target/cds-remuneration.jar", description = "The application jar.")
	Path jar;

	@Option(names = "--skip-textbook", description = "Measure this project's job only.")
	boolean skipTextbook;

	@Option(names = "--run-option", description = "Extra option of the measured run (e.g. --pdf).")
	List<String> runOptions = new ArrayList<>();

	@Option(names = "--compare-summary", paramLabel = "REGIONAL_SUMMARY_CSV",
			description = "Run nothing: print the national totals of this regional-summary.csv (e.g. of a national dry run)"
					+ " next to the payer's published aggregates.")
	Path compareSummary;

	public BenchmarkCommand(RegionTable regions) {
		this.regions = regions;
	}

	/** What one measured process gave. */
	record Measure(double wallSeconds, double aggregationSeconds, long peakHeapMb, int exitCode, List<String> steps) {
	}

	@Override
	public Integer call() throws Exception {
		if (this.compareSummary != null) {
			System.out.print(OrdersOfMagnitude.report(EXERCICE, OrdersOfMagnitude.read(this.compareSummary),
					PublishedAggregate.load()));
			return ExitCode.OK.code();
		}
		Path inputs = inputs();
		long bytes = Files.size(inputs.resolve("patients.csv"));
		System.out.printf("Benchmark: %,d patient rows (%,.0f MB), %,d centres, -Xmx%s %s, %d cores%n", this.patients,
				bytes / 1e6, this.centres, this.heap, this.collector, Runtime.getRuntime().availableProcessors());

		Measure ours = measure("annual", List.of("run", "--exercice", String.valueOf(EXERCICE), "--input", inputs.toString(), "--output",
				this.workdir.resolve("annual/output").toString(), "--extraction-date", "2025-02-14"), Optional.empty(),
				"patientExtract");
		print("this project (annualPaymentJob)", ours);
		if (ours.exitCode() != 0) {
			return ExitCode.FAILED.code();
		}
		Optional<Path> summary = regionalSummary(this.workdir.resolve("annual/output"));
		if (summary.isPresent()) {
			System.out.print(OrdersOfMagnitude.report(EXERCICE, OrdersOfMagnitude.read(summary.get()),
					PublishedAggregate.load()));
		}
		if (this.skipTextbook) {
			return ExitCode.OK.code();
		}
		Measure textbook = measure("textbook", List.of("textbook", "--input", inputs.resolve("patients.csv").toString()),
				Optional.of("CDS_BENCHMARK_TEXTBOOK"), "textbookLoad", "textbookGroupBy");
		print("textbook (FlatFileItemReader → JdbcBatchItemWriter → GROUP BY)", textbook);
		if (textbook.exitCode() != 0) {
			// a ratio against a run that stopped early would flatter nobody honestly
			return ExitCode.FAILED.code();
		}
		System.out.printf("%nAggregation of the extract: %.1f× faster (%.1f s against %.1f s)%n",
				textbook.aggregationSeconds() / ours.aggregationSeconds(), ours.aggregationSeconds(),
				textbook.aggregationSeconds());
		System.out.printf("Whole process: the annual job with every statement %.1f s; the textbook aggregation alone %.1f s%n",
				ours.wallSeconds(), textbook.wallSeconds());
		return ExitCode.OK.code();
	}

	/** The run's regional summary (the annual run writes one per exercice directory). */
	private static Optional<Path> regionalSummary(Path output) throws IOException {
		try (var files = Files.walk(output)) {
			return files.filter(file -> file.getFileName().toString().equals("regional-summary.csv")).findFirst();
		}
	}

	private Path inputs() throws IOException {
		Path inputs = this.workdir.resolve("inputs");
		Path marker = inputs.resolve("generated-with.txt");
		String options = "centres=" + this.centres + " patients=" + this.patients + " seed=" + this.seed;
		if (Files.exists(marker) && Files.readString(marker).equals(options)) {
			System.out.println("Reusing the data generated in " + inputs + " (" + options + ")");
			return inputs;
		}
		long started = System.nanoTime();
		new NationalDataGenerator(this.regions).generate(inputs,
				RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(EXERCICE, Optional.empty()),
				new NationalDataGenerator.Options(this.centres, this.patients, this.seed, 10));
		Files.writeString(marker, options);
		System.out.printf("Generated %s in %.1f s%n", inputs, (System.nanoTime() - started) / 1e9);
		return inputs;
	}

	/** Runs the application in a fresh JVM on a fresh H2 database and measures it. */
	private Measure measure(String name, List<String> arguments, Optional<String> flag, String... aggregationSteps)
			throws IOException, InterruptedException {
		Path dir = this.workdir.resolve(name);
		FileSystemUtils.deleteRecursively(dir);
		Files.createDirectories(dir);
		Path log = dir.resolve("process.log");
		Path gcLog = dir.resolve("gc.log");
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + this.heap, this.collector,
				"-Xlog:gc:file=" + gcLog, "-jar", this.jar.toAbsolutePath().toString()));
		command.addAll(arguments);
		if (name.equals("annual")) {
			command.addAll(this.runOptions);
		}
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("CDS_DB_URL", "jdbc:h2:file:" + dir.resolve("db/cds"));
		builder.environment().remove("SPRING_PROFILES_ACTIVE");
		flag.ifPresent(variable -> builder.environment().put(variable, "true"));
		long started = System.nanoTime();
		int exit = builder.start().waitFor();
		double wall = (System.nanoTime() - started) / 1e9;
		String output = Files.readString(log, StandardCharsets.UTF_8);
		List<String> steps = new ArrayList<>();
		double aggregation = 0;
		Matcher step = STEP.matcher(output);
		while (step.find()) {
			double seconds = seconds(step.group(2));
			steps.add(String.format("%s %.1f s", step.group(1), seconds));
			if (List.of(aggregationSteps).contains(step.group(1))) {
				aggregation += seconds;
			}
		}
		long peak = 0;
		Matcher gc = GC.matcher(Files.exists(gcLog) ? Files.readString(gcLog) : "");
		while (gc.find()) {
			peak = Math.max(peak, Long.parseLong(gc.group(1)));
		}
		if (exit != 0) {
			System.out.println(name + " exited with " + exit + "; see " + log);
		}
		return new Measure(wall, aggregation, peak, exit, steps);
	}

	private void print(String title, Measure measure) {
		System.out.printf("%n%s%n", title);
		System.out.printf("  wall time, JVM start included : %.1f s%n", measure.wallSeconds());
		System.out.printf("  aggregation of the extract    : %.1f s, %,.0f patient rows/s%n", measure.aggregationSeconds(),
				this.patients / measure.aggregationSeconds());
		System.out.printf("  peak heap (before a GC)       : %d MB of %s%n", measure.peakHeapMb(), this.heap);
		System.out.printf("  steps                         : %s%n", String.join(", ", measure.steps()));
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

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
