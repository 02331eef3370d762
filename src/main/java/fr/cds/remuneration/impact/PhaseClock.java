package fr.cds.remuneration.impact;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Wall time and process CPU time of the phases of an impact computation, one French log line per
 * phase as it ends, and all of them in the command's closing message. On a shared machine the wall
 * time mostly measures the wait for a core; the CPU time (every thread of the process, the
 * collector's and the compiler's included) is what the work itself costs.
 *
 * <p>The first phase is the start-up: from the launch of the JVM to the command (Spring's context,
 * the database's migrations, class loading), measured from the JVM's own start time, so that the
 * command's wall from launch to exit can be split into the start-up and the command's work.
 */
final class PhaseClock {

	private static final Log logger = LogFactory.getLog(PhaseClock.class);

	private final List<String> phases = new ArrayList<>();

	private long wall = System.nanoTime();

	private long cpu = processCpuNanos();

	PhaseClock() {
		record("démarrage (du lancement de la JVM à la commande)",
				ManagementFactory.getRuntimeMXBean().getUptime(), this.cpu / 1_000_000);
	}

	/** Ends a phase: {@code what : N ms (CPU M ms)}. */
	void lap(String what) {
		long wallNow = System.nanoTime();
		long cpuNow = processCpuNanos();
		record(what, (wallNow - this.wall) / 1_000_000, (cpuNow - this.cpu) / 1_000_000);
		this.wall = wallNow;
		this.cpu = cpuNow;
	}

	private void record(String what, long wallMillis, long cpuMillis) {
		String phase = String.format("%s : %d ms (CPU %d ms)", what, wallMillis, cpuMillis);
		this.phases.add(phase);
		logger.info("Impact, " + phase + ", charge moyenne " + loadAverage());
	}

	/** The phases so far, then the machine's load average over the last minute. */
	String summary() {
		return String.join(" ; ", this.phases) + " ; charge moyenne " + loadAverage();
	}

	private static String loadAverage() {
		return String.format(java.util.Locale.FRANCE, "%.2f",
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

}
