package fr.cds.remuneration.annual;

import org.springframework.batch.core.step.StepExecution;

/** Run id and parameters of the step being executed. */
public record RunContext(long runId, AnnualRun run) {

	/** The run id is the job instance id: a restart keeps the data of the failed execution. */
	public static RunContext of(StepExecution stepExecution) {
		return new RunContext(stepExecution.getJobExecution().getJobInstanceId(),
				AnnualRun.from(stepExecution.getJobParameters()));
	}

}
