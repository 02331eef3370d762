package fr.cds.remuneration.annual;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.input.InputFileException;

/**
 * Runs first, at the start and at every restart: the input files must still be those whose
 * checksum identifies the run. A file changed after a failure would otherwise be mixed with what
 * the failed execution already read; changed inputs are a new run.
 */
public class CheckInputsTasklet implements Tasklet {

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		AnnualRun run = RunContext.of(contribution.getStepExecution()).run();
		String actual = AnnualRunLauncher.inputChecksum(run.inputDir());
		if (!actual.equals(run.inputChecksum())) {
			throw new InputFileException(run.inputDir().toString(), 0, "the input files changed since this run started"
					+ " (checksum " + run.inputChecksum() + ", now " + actual + "): restore them to restart this run,"
					+ " or launch the run anew with the new files");
		}
		return RepeatStatus.FINISHED;
	}

}
