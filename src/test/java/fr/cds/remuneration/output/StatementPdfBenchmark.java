package fr.cds.remuneration.output;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import org.slf4j.LoggerFactory;

/**
 * Measures the PDF rendering alone (never run by the tests) on the HTML statements a run wrote:
 * thread CPU time per PDF, which a loaded shared machine disturbs less than wall time, and wall
 * time on one thread and on every core. No database, no Spring context:
 *
 * <pre>
 * mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -XX:+UseParallelGC -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     fr.cds.remuneration.output.StatementPdfBenchmark output/2024/statements [count] [repetitions]
 * </pre>
 */
public final class StatementPdfBenchmark {

	private StatementPdfBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		quietLibraries();
		Path dir = Path.of(args[0]);
		int count = args.length > 1 ? Integer.parseInt(args[1]) : 300;
		int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
		List<String> pages = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().limit(count).toList()) {
				pages.add(Files.readString(file));
			}
		}
		StatementPdfRenderer renderer = new StatementPdfRenderer(StatementPdfRendererTest.htmlRenderer());
		int threads = Runtime.getRuntime().availableProcessors();
		for (int r = 1; r <= repetitions; r++) {
			measure(r, renderer::render, pages, 1);
			measure(r, renderer::render, pages, threads);
		}
	}

	/** The application's logging levels for the libraries (no Spring here to read application.properties). */
	private static void quietLibraries() {
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font"))
			.setLevel(Level.ERROR);
	}

	private static void measure(int repetition, java.util.function.Function<String, byte[]> renderer, List<String> pages,
			int threads)
			throws Exception {
		ThreadMXBean bean = ManagementFactory.getThreadMXBean();
		AtomicLong cpu = new AtomicLong();
		AtomicLong bytes = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		long started = System.nanoTime();
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int first = t;
				futures.add(pool.submit(() -> {
					long before = bean.getCurrentThreadCpuTime();
					for (int i = first; i < pages.size(); i += threads) {
						bytes.addAndGet(renderer.apply(pages.get(i)).length);
					}
					cpu.addAndGet(bean.getCurrentThreadCpuTime() - before);
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		double wall = (System.nanoTime() - started) / 1e9;
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		System.out.printf("load %.1f  run %d  %,5d PDFs on %d thread(s)  wall %6.2f s (%6.1f ms per PDF)  CPU %6.1f ms per PDF  %,d kB%n",
				load, repetition, pages.size(), threads, wall, wall * 1000 / pages.size(), cpu.get() / 1e6 / pages.size(),
				bytes.get() / 1024);
	}

}
