package fr.cds.remuneration.reprocess;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.annual.RunContext;

/**
 * Records the re-processing (its base annual run, rules and scope) and fixes its output directory
 * in the job's execution context, where a restart finds it unchanged.
 */
public class ReprocessStartTasklet implements Tasklet {

	private final ReprocessStore store;

	public ReprocessStartTasklet(ReprocessStore store) {
		this.store = store;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		StepExecution step = contribution.getStepExecution();
		long runId = step.getJobExecution().getJobInstanceId();
		ReprocessRun run = ReprocessRun.from(step.getJobParameters());
		this.store.saveRun(runId, run);
		ExecutionContext job = step.getJobExecution().getExecutionContext();
		if (!job.containsKey(RunContext.OUTPUT_DIRECTORY)) {
			job.putString(RunContext.OUTPUT_DIRECTORY, run.outputDirectory(runId).toString());
		}
		return RepeatStatus.FINISHED;
	}

}
