package fr.cds.remuneration.annual;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.input.InputFileException;

/**
 * Runs first, at the start and at every restart: the input files must still be those whose
 * checksum identifies the run. A file changed after a failure would otherwise be mixed with what
 * the failed execution already read; changed inputs are a new run. At the first execution of a
 * run launched by {@link AnnualRunLauncher}, the launcher has just computed the checksum in its
 * own pass over the files: reading a gigabyte of extract again would tell nothing new.
 */
public class CheckInputsTasklet implements Tasklet {

	/** Set in the job's execution context once the inputs were checked: a later execution is a restart. */
	static final String CHECKED = "inputs.checked";

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		AnnualRun run = context.run();
		ExecutionContext job = contribution.getStepExecution().getJobExecution().getExecutionContext();
		boolean restart = job.containsKey(CHECKED);
		job.putString(CHECKED, "true");
		if (!restart && context.inputDigest().isPresent()) {
			return RepeatStatus.FINISHED;
		}
		String actual = AnnualRunLauncher.inputChecksum(run.inputDir());
		if (!actual.equals(run.inputChecksum())) {
			throw new InputFileException(run.inputDir().toString(), 0, "les fichiers d'entrée ont changé depuis le début de ce run"
					+ " (empreinte " + run.inputChecksum() + ", maintenant " + actual + ") : rétablissez-les pour reprendre ce run,"
					+ " ou lancez un nouveau run avec les nouveaux fichiers");
		}
		return RepeatStatus.FINISHED;
	}

}
