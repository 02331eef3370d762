package fr.cds.remuneration.remote;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;

/**
 * A worker's handling of one partition request: runs the partition step on the partition's step
 * execution, which the run's process created in the shared job repository, through Spring Batch
 * Integration's {@link StepExecutionRequestHandler}.
 * <p>
 * The request is acknowledged when taken (the listener container's default), so no other worker
 * gets it while it is read. A request is run only while its partition is waiting
 * ({@code STARTING}) in a running job execution: a request left in the queue by an execution that
 * has since failed, timed out or been recovered is dropped, since its partition has been or will be
 * sent again under a new step execution.
 */
class PartitionRequestListener implements MessageListener {

	private static final Log logger = LogFactory.getLog(PartitionRequestListener.class);

	private final JobRepository jobRepository;

	private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();

	/** @param partitionStep the only step a request may name, whatever the queue holds */
	PartitionRequestListener(JobRepository jobRepository, Step partitionStep) {
		this.jobRepository = jobRepository;
		this.handler.setJobRepository(jobRepository);
		this.handler.setStepLocator(name -> name.equals(partitionStep.getName()) ? partitionStep : null);
	}

	@Override
	public void onMessage(Message message) {
		StepExecutionRequest request = request(message);
		StepExecution partition = this.jobRepository.getStepExecution(request.getStepExecutionId());
		if (partition == null || partition.getStatus() != BatchStatus.STARTING
				|| !partition.getJobExecution().isRunning()) {
			logger.warn("Request for step execution " + request.getStepExecutionId() + " dropped: "
					+ (partition == null ? "unknown to the job repository"
							: "partition " + partition.getStepName() + " is " + partition.getStatus()
									+ " in job execution " + partition.getJobExecutionId() + " ("
									+ partition.getJobExecution().getStatus() + ")"));
			return;
		}
		long started = System.nanoTime();
		StepExecution ended = this.handler.handle(request);
		logger.info(String.format("Partition %s of job execution %d: %s in %.1f s", ended.getStepName(),
				ended.getJobExecutionId(), ended.getStatus(), (System.nanoTime() - started) / 1e9));
	}

	private static StepExecutionRequest request(Message message) {
		try {
			return PartitionRequestMessages.fromMessage(message);
		}
		catch (JMSException ex) {
			throw new IllegalArgumentException("unreadable partition request", ex);
		}
	}

}
