package fr.cds.remuneration.output;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.Application;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.ledger.SettlementStore;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.ResultStore;
import fr.cds.remuneration.snapshot.StoredResultEncoding;

/**
 * Measures the rendering of every statement of a completed run (never run by the tests): the
 * stored results read back, the French views, then the HTML pages and the CSV files, on one thread and on every core, without the
 * database reads and file writes of the statements step. Run on the database of a completed run:
 *
 * <pre>
 * mvn -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * CDS_DB_URL="jdbc:h2:file:/path/to/db" java -Xmx512m -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     fr.cds.remuneration.output.StatementRenderingBenchmark [runId] [repetitions]
 * </pre>
 */
public final class StatementRenderingBenchmark {

	private StatementRenderingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long runId = args.length > 0 ? Long.parseLong(args[0]) : 1;
		int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.run("--cds.cli.enabled=false", "--logging.level.root=WARN")) {
			List<CentreResult> results = context.getBean(RunStore.class).results(runId);
			SettlementStore settlements = context.getBean(SettlementStore.class);
			StatementHtmlRenderer html = context.getBean(StatementHtmlRenderer.class);
			List<StatementView> views = results.stream()
				.map(result -> StatementView.of(result, settlements.ofCentre(runId, result.centre().finess()), ""))
				.toList();
			List<StoredResultEncoding.Stored> json = context.getBean(JdbcTemplate.class)
				.query(ResultStore.STORED_RESULTS_OF_RUN, (rs, i) -> StoredResultEncoding.stored(rs, 1), runId);
			int threads = Runtime.getRuntime().availableProcessors();
			for (int r = 1; r <= repetitions; r++) {
				time(r, "results read", json.size(), 1,
						() -> json.forEach(StoredResultEncoding.Stored::decode));
				time(r, "views", views.size(), 1, () -> results.forEach(StatementView::of));
				time(r, "HTML pages", views.size(), 1, () -> views.forEach(html::render));
				time(r, "HTML pages", views.size(), threads, () -> onThreads(threads, views, html::render));
				time(r, "CSV files", views.size(), 1, () -> views.forEach(StatementCsvWriter::render));
			}
		}
	}

	private static <T> void onThreads(int threads, List<T> items, java.util.function.Consumer<T> work) {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new java.util.ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int first = t;
				futures.add(pool.submit(() -> {
					for (int i = first; i < items.size(); i += threads) {
						work.accept(items.get(i));
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdown();
		}
	}

	private static void time(int repetition, String what, int count, int threads, Runnable work) {
		long started = System.nanoTime();
		work.run();
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("run %d  %-12s %,6d on %d thread(s)  %6.2f s  %6.2f ms each%n", repetition, what, count, threads,
				seconds, seconds * 1000 / count);
	}

}
