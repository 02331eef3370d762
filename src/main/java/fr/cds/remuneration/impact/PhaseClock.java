package fr.cds.remuneration.impact;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall time and process CPU time of the phases of an impact computation, for its log line. On a
 * shared machine the wall time mostly measures the wait for a core; the CPU time (every thread of
 * the process, the collector's and the compiler's included) is what the work itself costs.
 */
final class PhaseClock {

	private final List<String> phases = new ArrayList<>();

	private long wall = System.nanoTime();

	private long cpu = processCpuNanos();

	/** Ends a phase: {@code what} en {@code N} ms (CPU {@code M} ms), said in French like the rest of the operator's line. */
	void lap(String what) {
		long wallNow = System.nanoTime();
		long cpuNow = processCpuNanos();
		this.phases.add(String.format("%s en %d ms (CPU %d ms)", what, (wallNow - this.wall) / 1_000_000,
				(cpuNow - this.cpu) / 1_000_000));
		this.wall = wallNow;
		this.cpu = cpuNow;
	}

	/** The phases so far, then the machine's load average over the last minute. */
	String summary() {
		return String.join(", ", this.phases)
				+ String.format(Locale.FRANCE, ", charge moyenne %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return 0;
	}

}
