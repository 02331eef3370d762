package fr.cds.remuneration.common;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The JVM's heap high-water mark, for run reports and benchmarks. */
public final class JvmMemory {

	private JvmMemory() {
	}

	/**
	 * Sum of the peak usage of every heap pool since the JVM started, in bytes. The pools peak at
	 * different moments, so this slightly overstates the true peak: a safe upper bound.
	 */
	public static long peakHeapBytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	public static long maxHeapBytes() {
		return Runtime.getRuntime().maxMemory();
	}

}
