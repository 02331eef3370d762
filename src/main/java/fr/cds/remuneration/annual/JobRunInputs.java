package fr.cds.remuneration.annual;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.snapshot.RunInputs;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * The run's stored inputs (centres, declarations, patient aggregates, rejected rows, contracts), read
 * from the database once per job execution and lent to the three steps that need all of them:
 * {@code inputQuality} (plausibility of each centre), {@code peerThresholds} (national percentiles)
 * and {@code compute}. Each of them read the whole snapshot again before (about 0.3 to 0.9 s each on
 * the national data, measured).
 * <p>
 * Why this is safe: those steps come after every step that writes the inputs (centres, declarations,
 * contracts, extract, duplicates), and a restart is a new job execution, which reads the inputs
 * again; the key is the job execution and the run, never the run alone. One entry is kept, and
 * {@link #release} drops it after {@code compute}, so that the statements step does not carry it
 * (and before {@code regularise}, which reads the inputs of the runs it needs on its own).
 */
@Component
public class JobRunInputs {

	private final RunStore store;

	private Key key;

	private RunInputs inputs;

	public JobRunInputs(RunStore store) {
		this.store = store;
	}

	/** The inputs of the step's run, read once for its job execution. */
	public synchronized RunInputs of(StepExecution step) {
		RunContext context = RunContext.of(step);
		Key wanted = new Key(step.getJobExecutionId(), context.runId());
		if (!wanted.equals(this.key)) {
			this.inputs = this.store.inputs(context.runId(), context.run().extractionDate());
			this.key = wanted;
		}
		return this.inputs;
	}

	/** Forgets the inputs of the step's job execution (the other job executions' are not held). */
	public synchronized void release(StepExecution step) {
		if (this.key != null && this.key.jobExecutionId() == step.getJobExecutionId()) {
			this.key = null;
			this.inputs = null;
		}
	}

	/** A listener that releases the inputs once its step has run. */
	public StepExecutionListener releasedAfterTheStep() {
		return new StepExecutionListener() {
			@Override
			public ExitStatus afterStep(StepExecution stepExecution) {
				release(stepExecution);
				return null;
			}
		};
	}

	/** A listener that releases the inputs before its step runs. */
	public StepExecutionListener releasedBeforeTheStep() {
		return new StepExecutionListener() {
			@Override
			public void beforeStep(StepExecution stepExecution) {
				release(stepExecution);
			}
		};
	}

	private record Key(long jobExecutionId, long runId) {
	}

}
