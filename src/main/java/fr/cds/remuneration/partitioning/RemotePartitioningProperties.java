package fr.cds.remuneration.partitioning;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of remote partitioning ({@code cds.remote-partitioning.*}, set from the environment by
 * {@code application-remote-partitioning.properties}).
 *
 * @param brokerUrl the Artemis broker, e.g. {@code tcp://broker.example:61616}
 * @param queue the queue the partition requests go through (one per environment sharing a broker)
 * @param pollInterval how often the run's process reads the job repository to see which
 * partitions have ended
 * @param timeout how long the run's process waits for every partition to end; the partitions not
 * ended then are marked failed, and the next launch of the run sends them again
 * @param workerThreads partitions a worker process reads at once
 * @param heartbeat how often a worker moves the lease of the partition it reads; a partition whose
 * lease has not moved for three intervals while its request came back from the broker is read
 * again by the worker holding the request
 */
@ConfigurationProperties("cds.remote-partitioning")
public record RemotePartitioningProperties(String brokerUrl, String user, String password,
		@DefaultValue("cds.patient-extract.partitions") String queue, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("1h") Duration timeout, @DefaultValue("1") int workerThreads,
		@DefaultValue("5s") Duration heartbeat) {

}
