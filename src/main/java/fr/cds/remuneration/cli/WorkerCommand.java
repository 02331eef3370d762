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
		description = { "Lit des partitions de l'extraction patients pour des runs lancés ailleurs",
				"(partitionnement distant), jusqu'à l'arrêt : sur SIGTERM ou Ctrl-C, les partitions",
				"en cours de lecture sont d'abord terminées.",
				"Demande SPRING_PROFILES_ACTIVE=" + RemotePartitioningConfiguration.PROFILE + ",postgres, la base",
				"de données du run (CDS_DB_*), son courtier de messages (CDS_BROKER_URL), et ses répertoires",
				"d'entrée et de sortie aux mêmes chemins (docs/scale.md, Remote partitioning)." })
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
			System.err.println("worker demande le profil " + RemotePartitioningConfiguration.PROFILE + " :"
					+ " SPRING_PROFILES_ACTIVE=" + RemotePartitioningConfiguration.PROFILE + ",postgres");
			return ExitCode.USAGE.code();
		}
		if (!partitionWorker.start()) {
			return ExitCode.OK.code();
		}
		System.out.println("Worker " + partitionWorker.describe());
		System.out.println("Arrêt : SIGTERM ou Ctrl-C");
		this.closed.await();
		return ExitCode.OK.code();
	}

}
