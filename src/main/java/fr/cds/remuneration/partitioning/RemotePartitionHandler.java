package fr.cds.remuneration.partitioning;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.MessageChannelPartitionHandler;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Spring Batch Integration's partition handler, polling the job repository for the partitions'
 * end, with what an operator needs around the wait: a log line each time a partition ends, which
 * process read which partition, and partitions that no worker ended in time marked failed (left
 * running, they could not be restarted: Spring Batch refuses to restart a partition it believes
 * may still be running).
 */
class RemotePartitionHandler extends MessageChannelPartitionHandler {

	private static final Log logger = LogFactory.getLog(RemotePartitionHandler.class);

	private static final String WORKER_STEP = ExtractPartitioning.PATIENT_EXTRACT_PARTITION;

	private final JobRepository jobRepository;

	private final Duration timeout;

	private final String brokerUrl;

	private long pollInterval;

	RemotePartitionHandler(JobRepository jobRepository, Duration timeout, String brokerUrl) {
		this.jobRepository = jobRepository;
		this.timeout = timeout;
		this.brokerUrl = brokerUrl;
		setJobRepository(jobRepository);
		setTimeout(timeout.toMillis());
	}

	@Override
	public void setPollInterval(long pollInterval) {
		super.setPollInterval(pollInterval);
		this.pollInterval = pollInterval;
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution managerStepExecution, Set<StepExecution> partitions)
			throws Exception {
		logger.info(partitions.size() + " partitions de l'extraction patients envoyées aux workers ; attente de leur fin"
				+ " pendant au plus " + this.timeout);
		ScheduledExecutorService progress = logProgress(managerStepExecution);
		Set<StepExecution> ended;
		try {
			ended = super.doHandle(managerStepExecution, partitions);
		}
		catch (TimeoutException ex) {
			stop(progress);
			failUnfinished(partitions);
			throw new IllegalStateException("Partitions de l'extraction patients non terminées par un worker en "
					+ this.timeout + " (cds.remote-partitioning.timeout) : marquées en échec ; elles sont renvoyées quand"
					+ " le run est relancé. Des workers tournent-ils sur la file et la base de données de ce run ?", ex);
		}
		catch (RuntimeException ex) {
			// Most often the broker refused the requests (down, unreachable, wrong address): the
			// partitions created for them must not stay waiting, or the run could not be restarted.
			stop(progress);
			failUnfinished(partitions);
			throw new IllegalStateException("Partitions de l'extrait patients non transmises aux workers ("
					+ rootMessage(ex) + ") : marquées en échec. Une fois le courtier " + this.brokerUrl
					+ " joignable, relancez la même commande : la reprise les renvoie.", ex);
		}
		finally {
			stop(progress);
		}
		PartitionSnapshot last = snapshot(managerStepExecution);
		logger.info("Extraction patients : " + last.partitions().size() + " partitions lues par " + last.processes());
		return ended;
	}

	/**
	 * Stops the progress log before the last line, so that it never comes after the step's end;
	 * a progress read under way is let finish rather than interrupted in its database call.
	 */
	private static void stop(ScheduledExecutorService progress) throws InterruptedException {
		progress.shutdown();
		progress.awaitTermination(10, TimeUnit.SECONDS);
	}

	/** Logs the partitions' progress each time it changes, while the handler waits. */
	private ScheduledExecutorService logProgress(StepExecution managerStepExecution) {
		ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "partition-progress");
			thread.setDaemon(true);
			return thread;
		});
		AtomicReference<String> last = new AtomicReference<>("");
		scheduler.scheduleWithFixedDelay(() -> {
			String progress = snapshot(managerStepExecution).progress();
			if (!progress.equals(last.getAndSet(progress))) {
				logger.info("Extraction patients : " + progress);
			}
		}, this.pollInterval, this.pollInterval, TimeUnit.MILLISECONDS);
		return scheduler;
	}

	private PartitionSnapshot snapshot(StepExecution managerStepExecution) {
		return PartitionSnapshot.read(this.jobRepository, managerStepExecution, WORKER_STEP);
	}

	/**
	 * Marks failed the partitions still waiting or being read, as a recovery of a crashed run does:
	 * the restart sends them again, and a worker drops a request left in the queue for them.
	 */
	private void failUnfinished(Set<StepExecution> partitions) {
		try {
			failEachUnfinished(partitions);
		}
		catch (RuntimeException ex) {
			// the job repository itself is unreachable: `recover` marks them failed later
			logger.error("Partitions non marquées en échec : " + rootMessage(ex));
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
	}

	private void failEachUnfinished(Set<StepExecution> partitions) {
		for (StepExecution sent : partitions) {
			StepExecution partition = this.jobRepository.getStepExecution(sent.getId());
			if (partition == null || !partition.getStatus().isRunning()) {
				continue;
			}
			partition.setStatus(BatchStatus.FAILED);
			partition.setExitStatus(ExitStatus.FAILED.addExitDescription("non terminée par un worker en " + this.timeout));
			partition.setEndTime(LocalDateTime.now());
			try {
				this.jobRepository.update(partition);
				logger.warn("Partition " + partition.getStepName() + " marquée en échec : aucun worker ne l'a terminée à temps");
			}
			catch (OptimisticLockingFailureException ex) {
				logger.info("Partition " + partition.getStepName() + " terminée pendant son marquage en échec : laissée telle quelle");
			}
		}
	}

}
