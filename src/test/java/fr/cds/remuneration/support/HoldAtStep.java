package fr.cds.remuneration.support;

import java.util.concurrent.CountDownLatch;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Test hook, on the test class path only: a context started with {@code cds.test.hold-at=<step>}
 * stops its run at the start of that step (recorded STARTED, nothing done, no transaction open)
 * (or, for a partitioned worker step, at the start of each of its partitions) until the test calls
 * {@link #release()}. Fault tests act on a live run at an exact point instead
 * of racing a timer. One held run at a time per JVM: {@link #arm()} before launching it.
 */
@Component
@ConditionalOnProperty(name = HoldAtStep.PROPERTY)
public class HoldAtStep implements BeanPostProcessor {

	public static final String PROPERTY = "cds.test.hold-at";

	private static volatile CountDownLatch reached = new CountDownLatch(1);

	private static volatile CountDownLatch released = new CountDownLatch(1);

	private final String step;

	public HoldAtStep(@Value("${" + PROPERTY + "}") String step) {
		this.step = step;
	}

	/** Prepares the next hold. */
	public static void arm() {
		reached = new CountDownLatch(1);
		released = new CountDownLatch(1);
	}

	/** Whether the held run has reached its step. */
	public static boolean reached() {
		return reached.getCount() == 0;
	}

	public static void release() {
		released.countDown();
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractStep abstractStep) {
			abstractStep.registerStepExecutionListener(new StepExecutionListener() {

				@Override
				public void beforeStep(StepExecution stepExecution) {
					String name = stepExecution.getStepName();
					// a partitioned step's executions are named <step>:partitionN: each waits, the first reached
					if (name.equals(HoldAtStep.this.step) || name.startsWith(HoldAtStep.this.step + ":")) {
						CountDownLatch release = released;
						reached.countDown();
						try {
							release.await();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
						}
					}
				}

			});
		}
		return bean;
	}

}
