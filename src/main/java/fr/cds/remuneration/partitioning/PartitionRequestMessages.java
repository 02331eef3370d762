package fr.cds.remuneration.partitioning;

import java.util.Map;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;

import org.springframework.batch.integration.partition.StepExecutionRequest;

/**
 * A partition request as it travels through the broker: a map of two plain values (a JMS
 * {@code MapMessage}), not a serialized Java object, so that a worker never deserializes a class
 * named by whatever is in the queue.
 */
final class PartitionRequestMessages {

	static final String STEP_NAME = "stepName";

	static final String STEP_EXECUTION_ID = "stepExecutionId";

	private PartitionRequestMessages() {
	}

	/** The message's body: JmsTemplate's converter sends a map as a {@code MapMessage}. */
	static Map<String, Object> toMap(StepExecutionRequest request) {
		return Map.of(STEP_NAME, request.getStepName(), STEP_EXECUTION_ID, request.getStepExecutionId());
	}

	/** The request a message holds; anything else than the map {@link #toMap} makes is refused. */
	static StepExecutionRequest fromMessage(Message message) throws JMSException {
		if (message instanceof MapMessage map && map.getObject(STEP_NAME) instanceof String name
				&& map.getObject(STEP_EXECUTION_ID) instanceof Long id) {
			return new StepExecutionRequest(name, id);
		}
		throw new IllegalArgumentException("ce n'est pas une demande de partition : " + message);
	}

}
