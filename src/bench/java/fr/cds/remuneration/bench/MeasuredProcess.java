package fr.cds.remuneration.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process started and measured from outside: wall time from the launch to the exit (JVM start
 * included), the peak resident memory of the process (the kernel's {@code VmHWM}: heap, native
 * memory and code alike, so that a JVM and DuckDB's native engine are measured the same way), the
 * peak heap before a collection (from the GC log, for JVMs started with one), and every line it
 * printed with the second it arrived at (to time what happens before the first step).
 */
final class MeasuredProcess {

	private static final Pattern GC = Pattern.compile("(\\d+)M->\\d+M\\((\\d+)M\\)");

	private static final Pattern HIGH_WATER = Pattern.compile("VmHWM:\\s+(\\d+) kB");

	/** How often the resident memory is read while the process runs. */
	private static final long POLL_MILLIS = 20;

	/** What the process gave. */
	record Result(int exitCode, double wallSeconds, long peakRssMb, long peakHeapMb, List<Line> lines, Path log) {

		/** The first line that matches {@code pattern}, with its arrival time. */
		OptionalDouble secondsAtFirst(Pattern pattern) {
			return this.lines.stream()
				.filter(line -> pattern.matcher(line.text()).find())
				.mapToDouble(Line::seconds)
				.findFirst();
		}

	}

	/** A line printed by the process and the seconds since its launch when it arrived. */
	record Line(double seconds, String text) {
	}

	private MeasuredProcess() {
	}

	/**
	 * Runs {@code command} in {@code dir} (its log and GC log are written there) and measures it.
	 *
	 * @param gcLog the GC log the command was told to write, to read its peak heap; null: none
	 */
	static Result run(List<String> command, Map<String, String> environment, Path dir, Path gcLog)
			throws IOException, InterruptedException {
		Path log = dir.resolve("process.log");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().remove("SPRING_PROFILES_ACTIVE");
		builder.environment().putAll(environment);
		long started = System.nanoTime();
		Process process = builder.start();
		List<Line> lines = new ArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
					PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
				String text;
				while ((text = in.readLine()) != null) {
					double at = (System.nanoTime() - started) / 1e9;
					synchronized (lines) {
						lines.add(new Line(at, text));
					}
					out.printf("%8.3f %s%n", at, text);
					// a live log, to follow a run of many minutes
					out.flush();
				}
			}
			catch (IOException ex) {
				// the process closed its output: nothing more to read
			}
		}, "measured-output");
		reader.start();
		Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
		long peakKb = 0;
		while (!process.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
			peakKb = Math.max(peakKb, highWaterKb(status));
		}
		double wall = (System.nanoTime() - started) / 1e9;
		reader.join();
		long peakHeap = 0;
		if (gcLog != null && Files.exists(gcLog)) {
			Matcher gc = GC.matcher(Files.readString(gcLog));
			while (gc.find()) {
				peakHeap = Math.max(peakHeap, Long.parseLong(gc.group(1)));
			}
		}
		synchronized (lines) {
			return new Result(process.exitValue(), wall, peakKb / 1024, peakHeap, List.copyOf(lines), log);
		}
	}

	/** The process's peak resident set so far, 0 once it is gone. */
	private static long highWaterKb(Path status) {
		try {
			Matcher matcher = HIGH_WATER.matcher(Files.readString(status));
			return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
