package fr.cds.remuneration.partitioning;

import javax.sql.DataSource;

import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.messaging.MessageChannel;

/**
 * Remote partitioning of the patient extract (profile {@value #PROFILE}): the run's process sends
 * one request per partition to an Artemis queue and waits for the partitions to end in the shared
 * job repository; worker processes ({@code worker} command) take the requests and run
 * {@code patientExtractPartition}, the same step the run's threads run without the profile.
 * <p>
 * Spring Batch Integration's {@code MessageChannelPartitionHandler} and
 * {@code StepExecutionRequestHandler} do the partitioning; Spring JMS carries the requests. No
 * reply queue: each partition's end is in the job repository, which every process shares.
 */
@Configuration(proxyBeanMethods = false)
@Profile(RemotePartitioningConfiguration.PROFILE)
@EnableConfigurationProperties(RemotePartitioningProperties.class)
public class RemotePartitioningConfiguration {

	public static final String PROFILE = "remote-partitioning";

	/**
	 * The broker, for the run's process and the workers alike. A consumer window of zero: a worker
	 * takes a request only when it has a free thread, instead of buffering the queue's requests
	 * (the client's default of 1 MB would give every partition to the first worker connected).
	 */
	@Bean(destroyMethod = "close")
	ActiveMQConnectionFactory partitionRequestsConnectionFactory(RemotePartitioningProperties properties) {
		ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(properties.brokerUrl(), properties.user(),
				properties.password());
		factory.setConsumerWindowSize(0);
		return factory;
	}

	/** The run's side: the partitions of {@code patientExtract} sent to the queue. */
	@Bean
	RemotePartitionHandler patientExtractPartitionHandler(ActiveMQConnectionFactory partitionRequestsConnectionFactory,
			RemotePartitioningProperties properties, JobRepository jobRepository, ExtractPartitioning partitioning) {
		JmsTemplate jms = new JmsTemplate(partitionRequestsConnectionFactory);
		MessageChannel requests = (message, timeout) -> {
			jms.convertAndSend(properties.queue(),
					PartitionRequestMessages.toMap((StepExecutionRequest) message.getPayload()));
			return true;
		};
		RemotePartitionHandler handler = new RemotePartitionHandler(jobRepository, properties.timeout(), properties.brokerUrl());
		handler.setMessagingOperations(new MessagingTemplate(requests));
		handler.setStepName(ExtractPartitioning.PATIENT_EXTRACT_PARTITION);
		handler.setGridSize(partitioning.gridSize());
		handler.setPollInterval(properties.pollInterval().toMillis());
		return handler;
	}

	/**
	 * The worker's side: {@code workerThreads} consumers of the queue, each running one partition
	 * at a time. Started by the {@code worker} command only: the run's own process never takes a
	 * request. A request is acknowledged once its partition has ended, not when taken: the broker
	 * gives the request of a worker that died to another one.
	 */
	@Bean
	PartitionRequestListener partitionRequestListener(RemotePartitioningProperties properties,
			JobRepository jobRepository, Step patientExtractPartitionStep, DataSource dataSource) {
		return new PartitionRequestListener(jobRepository, patientExtractPartitionStep, new PartitionLease(dataSource),
				properties.heartbeat());
	}

	@Bean
	DefaultMessageListenerContainer partitionRequestListenerContainer(
			ActiveMQConnectionFactory partitionRequestsConnectionFactory, RemotePartitioningProperties properties,
			PartitionRequestListener partitionRequestListener) {
		DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
		container.setConnectionFactory(partitionRequestsConnectionFactory);
		container.setDestinationName(properties.queue());
		container.setConcurrentConsumers(properties.workerThreads());
		container.setSessionAcknowledgeMode(Session.CLIENT_ACKNOWLEDGE);
		container.setMessageListener(partitionRequestListener);
		container.setAutoStartup(false);
		return container;
	}

	@Bean
	PartitionWorker partitionWorker(DefaultMessageListenerContainer partitionRequestListenerContainer,
			ActiveMQConnectionFactory partitionRequestsConnectionFactory, RemotePartitioningProperties properties) {
		return new PartitionWorker(partitionRequestListenerContainer, partitionRequestsConnectionFactory, properties);
	}

}
