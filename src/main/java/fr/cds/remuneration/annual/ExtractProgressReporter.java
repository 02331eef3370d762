package fr.cds.remuneration.annual;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

import fr.cds.remuneration.extract.ExtractProgress;
import fr.cds.remuneration.input.InputFile;

/**
 * Shows the reading of the patient extract while it lasts: on a terminal a progress bar redrawn
 * four times a second (bytes read, rows per second, time left), otherwise (cron, CI, a log file)
 * a plain log line every five seconds. Nothing about patients, only counts.
 */
public class ExtractProgressReporter implements StepExecutionListener {

	private static final Log logger = LogFactory.getLog(ExtractProgressReporter.class);

	private static final int BAR_WIDTH = 30;

	private final ExtractProgress progress;

	private final boolean terminal;

	private final PrintStream out;

	private ScheduledExecutorService timer;

	private long started;

	private long total;

	public ExtractProgressReporter(ExtractProgress progress) {
		this(progress, System.console() != null, System.err);
	}

	ExtractProgressReporter(ExtractProgress progress, boolean terminal, PrintStream out) {
		this.progress = progress;
		this.terminal = terminal;
		this.out = out;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		Path extract = RunContext.of(stepExecution).run().input(InputFile.PATIENTS);
		start(InputFileStep.size(extract));
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		stop();
		return stepExecution.getExitStatus();
	}

	/** Starts reporting the reading of {@code total} bytes. */
	void start(long total) {
		this.total = total;
		this.progress.reset();
		this.started = System.nanoTime();
		this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "extract-progress");
			thread.setDaemon(true);
			return thread;
		});
		long period = this.terminal ? 250 : 5000;
		this.timer.scheduleAtFixedRate(this::report, period, period, TimeUnit.MILLISECONDS);
	}

	/** Stops reporting; on a terminal, leaves the final line. */
	void stop() {
		this.timer.shutdownNow();
		if (this.terminal) {
			this.out.println("\r" + line(true));
		}
	}

	private void report() {
		if (this.terminal) {
			this.out.print("\r" + line(false));
			this.out.flush();
		}
		else {
			logger.info(line(false));
		}
	}

	/** {@code patient extract [######--------]  42%  504/1200 MB  1,234,567 rows/s  ETA 6 s}. */
	String line(boolean done) {
		long bytes = this.progress.bytes();
		double seconds = Math.max((System.nanoTime() - this.started) / 1e9, 1e-3);
		double fraction = this.total == 0 ? 1 : Math.min(1, (double) bytes / this.total);
		int filled = (int) Math.round(fraction * BAR_WIDTH);
		String eta = done ? String.format(Locale.ROOT, "en %.1f s", seconds)
				: fraction == 0 ? "reste -" : String.format(Locale.ROOT, "reste %.0f s", seconds * (1 - fraction) / fraction);
		return String.format(Locale.ROOT, "extrait patients [%s%s] %3.0f%%  %,d/%,d Mo  %,.0f lignes/s  %s",
				"#".repeat(filled), "-".repeat(BAR_WIDTH - filled), fraction * 100, bytes / 1_000_000,
				this.total / 1_000_000, this.progress.rows() / seconds, eta);
	}

}
