package fr.cds.remuneration.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.partitioning.PartitionWorker;
import fr.cds.remuneration.partitioning.RemotePartitioningConfiguration;
import picocli.CommandLine.Command;

/**
 * {@code worker}: reads partitions of the patient extract for runs launched elsewhere, until the
 * process is stopped. Needs the {@code remote-partitioning} profile, which gives the broker and
 * the queue; without it there is nothing to listen to.
 */
@Component
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = { "Read partitions of the patient extract for runs launched elsewhere",
				"(remote partitioning), until stopped: on SIGTERM or Ctrl-C, the partitions",
				"being read are finished first.",
				"Needs SPRING_PROFILES_ACTIVE=" + RemotePartitioningConfiguration.PROFILE + ",postgres, the run's",
				"database (CDS_DB_*), its broker (CDS_BROKER_URL), and its input and output",
				"directories at the same paths (docs/scale.md, Remote partitioning)." })
public class WorkerCommand implements Callable<Integer> {

	private final ObjectProvider<PartitionWorker> worker;

	private final CountDownLatch closed = new CountDownLatch(1);

	public WorkerCommand(ObjectProvider<PartitionWorker> worker) {
		this.worker = worker;
	}

	@EventListener(ContextClosedEvent.class)
	void contextClosed() {
		this.closed.countDown();
	}

	@Override
	public Integer call() throws InterruptedException {
		PartitionWorker partitionWorker = this.worker.getIfAvailable();
		if (partitionWorker == null) {
			System.err.println("worker needs the " + RemotePartitioningConfiguration.PROFILE + " profile:"
					+ " SPRING_PROFILES_ACTIVE=" + RemotePartitioningConfiguration.PROFILE + ",postgres");
			return ExitCode.USAGE.code();
		}
		if (!partitionWorker.start()) {
			return ExitCode.OK.code();
		}
		System.out.println("Worker " + partitionWorker.describe());
		System.out.println("Stop: SIGTERM or Ctrl-C");
		this.closed.await();
		return ExitCode.OK.code();
	}

}
