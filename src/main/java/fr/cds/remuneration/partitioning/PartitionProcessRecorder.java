package fr.cds.remuneration.partitioning;

import java.lang.management.ManagementFactory;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Records in a partition's execution context the process that ran it ({@code pid@host}): with
 * remote partitioning, the operator (and the tests) can tell which worker read which byte range
 * of the extract, and that none was read by the run's own process.
 */
public class PartitionProcessRecorder implements StepExecutionListener {

	/** Key of the partition's execution context holding the process name. */
	public static final String PROCESS = "process";

	/** This JVM's name as the JDK gives it, {@code pid@host}. */
	public static String currentProcess() {
		return ManagementFactory.getRuntimeMXBean().getName();
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		stepExecution.getExecutionContext().putString(PROCESS, currentProcess());
	}

}
