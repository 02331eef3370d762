package fr.cds.remuneration.annual;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * The step-scoped reader, processor and writer of a chunk-oriented step, looked up once per
 * execution of the step instead of at every row. Called through its scoped proxy, each row read
 * and each row validated looked its bean up in the bean factory and went through an AOP
 * invocation chain (issue 21: 59 k rows of declarations.csv, two calls each; the bean lookup alone
 * was 11 % of the step's samples, and compiling it a large part of the step's JIT work).
 * <p>
 * The beans are resolved before the step opens its streams ({@link #beforeStep}) and kept for the
 * thread that runs the step: a chunk-oriented step that is not concurrent reads, processes and
 * writes on that thread, and another job's execution of the same step on another thread has its
 * own. They are forgotten once the reader is closed, the step's last call. Without them (another
 * listener failed first) every call goes through the proxies, as before.
 */
final class StepScopedParts<I, O> implements StepExecutionListener {

	private record Parts<I, O>(ItemStreamReader<I> reader, ItemProcessor<I, O> processor, ItemWriter<O> writer) {
	}

	/** The scoped proxies, which resolve the step's beans at every call. */
	private final Parts<I, O> proxies;

	private final ThreadLocal<Parts<I, O>> resolved = new ThreadLocal<>();

	StepScopedParts(ItemStreamReader<I> reader, ItemProcessor<I, O> processor, ItemWriter<O> writer) {
		this.proxies = new Parts<>(reader, processor, writer);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.resolved.set(new Parts<>(target(this.proxies.reader()), target(this.proxies.processor()),
				target(this.proxies.writer())));
	}

	/** The bean behind a scoped proxy, for the step being executed; any other object itself. */
	@SuppressWarnings("unchecked")
	private static <T> T target(T bean) {
		return bean instanceof ScopedObject scoped ? (T) scoped.getTargetObject() : bean;
	}

	private Parts<I, O> parts() {
		Parts<I, O> parts = this.resolved.get();
		return parts != null ? parts : this.proxies;
	}

	ItemStreamReader<I> reader() {
		return new ItemStreamReader<>() {

			@Override
			public I read() throws Exception {
				return parts().reader().read();
			}

			@Override
			public void open(ExecutionContext executionContext) {
				parts().reader().open(executionContext);
			}

			@Override
			public void update(ExecutionContext executionContext) {
				parts().reader().update(executionContext);
			}

			@Override
			public void close() {
				try {
					parts().reader().close();
				}
				finally {
					StepScopedParts.this.resolved.remove();
				}
			}

		};
	}

	ItemProcessor<I, O> processor() {
		return item -> parts().processor().process(item);
	}

	ItemWriter<O> writer() {
		return chunk -> parts().writer().write(chunk);
	}

}
