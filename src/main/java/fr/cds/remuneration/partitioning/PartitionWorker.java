package fr.cds.remuneration.partitioning;

import java.time.Duration;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

import fr.cds.remuneration.partitioning.PartitionProcessRecorder;

/**
 * A worker process's consumers of the partition requests, started by the {@code worker} command.
 * They stop with the application context: on SIGTERM, the consumers take no new request and the
 * partitions being read are finished before the process exits.
 * <p>
 * The consumers start once the broker answers: a worker started while the broker is down says so,
 * once, and that it waits, rather than claiming to read a queue it cannot reach. Later losses of
 * the broker are handled, and their reconnection logged, by the listener container.
 */
public class PartitionWorker {

	private static final Log logger = LogFactory.getLog(PartitionWorker.class);

	static final Duration BROKER_RETRY = Duration.ofSeconds(5);

	private final DefaultMessageListenerContainer container;

	private final ActiveMQConnectionFactory connectionFactory;

	private final RemotePartitioningProperties properties;

	PartitionWorker(DefaultMessageListenerContainer container, ActiveMQConnectionFactory connectionFactory,
			RemotePartitioningProperties properties) {
		this.container = container;
		this.connectionFactory = connectionFactory;
		this.properties = properties;
	}

	/**
	 * Waits for the broker, then starts the consumers.
	 * @return false if interrupted (the process is stopping) before the broker answered
	 */
	public boolean start() {
		boolean told = false;
		while (true) {
			try (Connection connection = this.connectionFactory.createConnection()) {
				if (told) {
					logger.info("Courtier " + this.properties.brokerUrl() + " joint");
				}
				break;
			}
			catch (JMSException ex) {
				if (!told) {
					logger.warn("Courtier " + this.properties.brokerUrl() + " injoignable (" + ex.getMessage()
							+ ") : nouvel essai toutes les " + BROKER_RETRY.toSeconds() + " s");
					told = true;
				}
			}
			try {
				Thread.sleep(BROKER_RETRY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		this.container.start();
		return true;
	}

	/** {@code 1234@host reads the partitions of queue q on tcp://broker:61616, 2 at a time}. */
	public String describe() {
		return PartitionProcessRecorder.currentProcess() + " lit les partitions de la file " + this.properties.queue()
				+ " sur " + this.properties.brokerUrl() + ", " + this.properties.workerThreads() + " à la fois";
	}

}
