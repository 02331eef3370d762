package fr.cds.remuneration.support;

import org.springframework.aop.support.AopUtils;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.batch.core.ExitStatus;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.annual.RenderedStatement;
import fr.cds.remuneration.annual.StatementFilesWriter;

/**
 * Test hook, on the test class path only: a process started with
 * {@code -Dcds.test.crash-at=before:<step>} or {@code after:<step>} halts at once (as
 * {@code kill -9} would: no shutdown hook, no finally block) at that step boundary. The crash
 * tests kill a run at an exact point instead of racing a timer.
 * <ul>
 * <li>{@code before:<step>}: the previous step is COMPLETED in the job repository, this one was
 * just recorded STARTED and has done nothing;</li>
 * <li>{@code after:<step>}: the step's work is committed, but before any other listener's
 * {@code afterStep} (listeners run it in reverse order of registration, and this one is registered
 * last) and before the step is recorded COMPLETED.</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(name = CrashAtStepBoundary.PROPERTY)
public class CrashAtStepBoundary implements BeanPostProcessor {

	public static final String PROPERTY = "cds.test.crash-at";

	/** Exit status of a process halted by the hook: that of a process killed by SIGKILL. */
	public static final int HALTED = 137;

	private static final String DURING_STATEMENTS = "during:statements:";

	private final String point;

	public CrashAtStepBoundary(@Value("${" + PROPERTY + "}") String point) {
		this.point = point;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		// the step-scoped writer itself, not the scoped proxy that stands for it in the step
		if (bean instanceof StatementFilesWriter && !AopUtils.isAopProxy(bean) && this.point.startsWith(DURING_STATEMENTS)) {
			return haltingAfter((StatementFilesWriter) bean, Integer.parseInt(this.point.substring(DURING_STATEMENTS.length())));
		}
		if (bean instanceof AbstractStep step) {
			step.registerStepExecutionListener(new StepExecutionListener() {

				@Override
				public void beforeStep(StepExecution stepExecution) {
					haltAt("before:" + stepExecution.getStepName());
				}

				@Override
				public ExitStatus afterStep(StepExecution stepExecution) {
					haltAt("after:" + stepExecution.getStepName());
					return null;
				}

			});
		}
		return bean;
	}

	/** The step's writer, writing the chunk's statements one after the other and halting after the n-th. */
	private StatementFilesWriter haltingAfter(StatementFilesWriter writer, int statements) {
		return new StatementFilesWriter(null) {

			private int written;

			@Override
			public void write(Chunk<? extends RenderedStatement> chunk) {
				for (RenderedStatement statement : chunk.getItems()) {
					writer.write(statement);
					if (++this.written == statements) {
						haltAt(CrashAtStepBoundary.this.point);
					}
				}
			}

			@Override
			public void write(RenderedStatement statement) {
				writer.write(statement);
			}

		};
	}

	private void haltAt(String boundary) {
		if (this.point.equals(boundary)) {
			System.out.println("cds.test.crash-at: halting at " + boundary);
			System.out.flush();
			Runtime.getRuntime().halt(HALTED);
		}
	}

}
