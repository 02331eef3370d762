package fr.cds.remuneration.partitioning;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

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

import fr.cds.remuneration.partitioning.PartitionProcessRecorder;

/**
 * A worker's handling of one partition request: runs the partition step on the partition's step
 * execution, which the run's process created in the shared job repository, through Spring Batch
 * Integration's {@link StepExecutionRequestHandler}.
 * <p>
 * The request is acknowledged only once the partition has ended (the listener container acknowledges
 * after {@link #onMessage} returns): if the worker dies while reading, the broker gives the request
 * to another worker. While it reads, the worker moves the partition's {@link PartitionLease}. A
 * request for a partition already being read ({@code STARTED}) is such a redelivery: the worker
 * that receives it watches the lease and takes the partition over once the lease has stopped
 * moving, or drops the request if the partition ends meanwhile (its reader was alive and only its
 * broker connection was lost). The partition's own transaction and the step execution's version
 * make the takeover exactly-once: a reader that was only paused cannot commit after being taken over.
 * <p>
 * A request is run only while its job execution is running: a request left in the queue by an
 * execution that has since failed, timed out or been recovered is dropped, since its partition has
 * been or will be sent again under a new step execution.
 */
class PartitionRequestListener implements MessageListener {

	private static final Log logger = LogFactory.getLog(PartitionRequestListener.class);

	/** Heartbeat intervals without movement after which a lease's holder is taken as gone. */
	static final int MISSED_BEATS = 3;

	private final JobRepository jobRepository;

	private final PartitionLease lease;

	private final Duration heartbeat;

	private final StepExecutionRequestHandler handler = new StepExecutionRequestHandler();

	private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "partition-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	/** @param partitionStep the only step a request may name, whatever the queue holds */
	PartitionRequestListener(JobRepository jobRepository, Step partitionStep, PartitionLease lease, Duration heartbeat) {
		this.jobRepository = jobRepository;
		this.lease = lease;
		this.heartbeat = heartbeat;
		this.handler.setJobRepository(jobRepository);
		this.handler.setStepLocator(name -> name.equals(partitionStep.getName()) ? partitionStep : null);
	}

	@Override
	public void onMessage(Message message) {
		StepExecutionRequest request = request(message);
		long id = request.getStepExecutionId();
		StepExecution partition = this.jobRepository.getStepExecution(id);
		if (partition == null || !partition.getJobExecution().isRunning()) {
			drop(id, partition == null ? "inconnue du dépôt des traitements" : describe(partition));
			return;
		}
		if (partition.getStatus() == BatchStatus.STARTED) {
			Optional<String> gone = awaitReaderGone(partition);
			if (gone.isEmpty()) {
				return;
			}
			logger.warn("Partition " + partition.getStepName() + " de l'exécution " + partition.getJobExecutionId()
					+ " reprise : son lecteur " + gone.get() + " a cessé de signaler son activité");
		}
		else if (partition.getStatus() != BatchStatus.STARTING) {
			drop(id, describe(partition));
			return;
		}
		read(request);
	}

	private void read(StepExecutionRequest request) {
		long id = request.getStepExecutionId();
		String process = PartitionProcessRecorder.currentProcess();
		this.lease.take(id, process);
		long interval = this.heartbeat.toMillis();
		ScheduledFuture<?> beating = this.beats.scheduleWithFixedDelay(() -> beat(id, process), interval, interval,
				TimeUnit.MILLISECONDS);
		long started = System.nanoTime();
		StepExecution ended;
		try {
			ended = this.handler.handle(request);
		}
		finally {
			beating.cancel(false);
			this.lease.release(id, process);
		}
		logger.info(String.format(Locale.FRANCE, "Partition %s de l'exécution %d : %s en %.1f s", ended.getStepName(),
				ended.getJobExecutionId(), ended.getStatus(), (System.nanoTime() - started) / 1e9));
	}

	private void beat(long id, String process) {
		try {
			if (!this.lease.beat(id, process)) {
				logger.warn("Bail de l'étape " + id + " tenu par un autre processus : cette lecture ne sera pas gardée");
			}
		}
		catch (RuntimeException ex) {
			// a missed beat (database briefly unreachable) is not fatal: the next one may pass
			logger.warn("Signal d'activité de l'étape " + id + " non enregistré : " + ex.getMessage());
		}
	}

	/**
	 * Watches a partition whose request came back while it is being read: returns its reader once
	 * that reader's heartbeat has not moved for {@value #MISSED_BEATS} intervals, or nothing if
	 * the partition ends (or its job stops) first, in which case the request is dropped.
	 */
	private Optional<String> awaitReaderGone(StepExecution partition) {
		long id = partition.getId();
		Optional<PartitionLease.Holder> before = this.lease.holder(id);
		logger.info("Demande de la partition " + partition.getStepName() + " remise alors qu'elle est lue par "
				+ before.map(PartitionLease.Holder::process).orElse("aucun processus") + " : surveillance de son signal d'activité");
		while (true) {
			sleep(this.heartbeat.multipliedBy(MISSED_BEATS));
			StepExecution now = this.jobRepository.getStepExecution(id);
			if (now == null || now.getStatus() != BatchStatus.STARTED || !now.getJobExecution().isRunning()) {
				drop(id, now == null ? "inconnue du dépôt des traitements" : describe(now));
				return Optional.empty();
			}
			Optional<PartitionLease.Holder> after = this.lease.holder(id);
			if (after.equals(before)) {
				return Optional.of(after.map(PartitionLease.Holder::process).orElse("inconnu"));
			}
			before = after;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// not acknowledged: the broker gives the request to another worker
			throw new IllegalStateException("worker arrêté pendant la surveillance d'une partition", ex);
		}
	}

	private static void drop(long id, String why) {
		logger.warn("Demande de l'étape " + id + " abandonnée : " + why);
	}

	private static String describe(StepExecution partition) {
		return "partition " + partition.getStepName() + " en " + partition.getStatus() + " dans l'exécution "
				+ partition.getJobExecutionId() + " (" + partition.getJobExecution().getStatus() + ")";
	}

	private static StepExecutionRequest request(Message message) {
		try {
			return PartitionRequestMessages.fromMessage(message);
		}
		catch (JMSException ex) {
			throw new IllegalArgumentException("demande de partition illisible", ex);
		}
	}

	/** Stops the heartbeat thread with the worker. */
	void close() {
		this.beats.shutdownNow();
	}

}
