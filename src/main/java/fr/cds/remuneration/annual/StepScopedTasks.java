package fr.cds.remuneration.annual;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;

/**
 * The chunk-processing threads, each task run inside the step's scope: a processor that is a
 * step-scoped bean (the statements' renderer) can then be called from a {@link ProcessAheadReader}'s
 * tasks, as Spring Batch does for the items it processes concurrently itself (it registers the step
 * execution around each item, then closes it).
 */
final class StepScopedTasks {

	private StepScopedTasks() {
	}

	static AsyncTaskExecutor of(AsyncTaskExecutor threads, StepExecution stepExecution) {
		TaskExecutorAdapter scoped = new TaskExecutorAdapter(threads);
		scoped.setTaskDecorator(task -> () -> {
			StepSynchronizationManager.register(stepExecution);
			try {
				task.run();
			}
			finally {
				StepSynchronizationManager.close();
			}
		});
		return scoped;
	}

}
