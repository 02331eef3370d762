package fr.cds.remuneration.remote;

import org.springframework.jms.listener.DefaultMessageListenerContainer;

import fr.cds.remuneration.annual.PartitionProcessRecorder;

/**
 * A worker process's consumers of the partition requests, started by the {@code worker} command.
 * They stop with the application context: on SIGTERM, the consumers take no new request and the
 * partitions being read are finished before the process exits.
 */
public class PartitionWorker {

	private final DefaultMessageListenerContainer container;

	private final RemotePartitioningProperties properties;

	PartitionWorker(DefaultMessageListenerContainer container, RemotePartitioningProperties properties) {
		this.container = container;
		this.properties = properties;
	}

	public void start() {
		this.container.start();
	}

	/** {@code 1234@host reads the partitions of queue q on tcp://broker:61616, 2 at a time}. */
	public String describe() {
		return PartitionProcessRecorder.currentProcess() + " reads the partitions of queue " + this.properties.queue()
				+ " on " + this.properties.brokerUrl() + ", " + this.properties.workerThreads() + " at a time";
	}

}
