package fr.cds.remuneration.partitioning;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jms.core.JmsTemplate;

import fr.cds.remuneration.partitioning.ExtractPartitioning;
import fr.cds.remuneration.partitioning.PartitionProcessRecorder;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.partitioning.RemoteTopology.Run;
import fr.cds.remuneration.support.OutputTrees;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remote partitioning end to end: an Artemis broker in this JVM, a PostgreSQL job repository, two
 * {@code worker} processes in JVMs of their own started as an operator would (the application's
 * main class, the profile and the documented variables), and the annual run launched here with
 * the profile. Every partition of the extract must be read by a worker, both workers must have
 * read some, and the outputs must be those of a local run of the same inputs on H2, which reads
 * the extract in this process with one reader. Then a request left in the queue for a partition
 * already read is dropped by the workers, and the workers stop on SIGTERM without an error.
 */
class RemotePartitioningTest {

	static final int PARTITIONS = 8;

	@TempDir
	static Path work;

	static RemoteTopology topology;

	@BeforeAll
	static void brokerDatabaseAndTwoWorkers() throws Exception {
		topology = new RemoteTopology(work, "remote");
		for (int i = 1; i <= 2; i++) {
			topology.startWorker();
		}
	}

	@AfterAll
	static void stopAll() throws Exception {
		if (topology != null) {
			topology.close();
		}
	}

	@Test
	void workerProcessesReadEveryPartitionAndTheOutputsAreThoseOfALocalRun() throws Exception {
		Run local = topology.annualRun(List.of("spring.datasource.url=jdbc:h2:mem:remote-local;DB_CLOSE_DELAY=-1"),
				"local");
		assertThat(local.outcome().exitCode()).as(local.outcome().message()).isEqualTo(ExitCode.OK);
		assertThat(local.readBy()).as("a local run reads its extract in this process")
			.isNotEmpty()
			.allSatisfy((partition, process) -> assertThat(process).isEqualTo(PartitionProcessRecorder.currentProcess()));
		topology.awaitConsumers(topology.workers().size());

		Run remote = topology.annualRun(topology.remoteRunSettings(PARTITIONS), "remote");
		assertThat(remote.outcome().exitCode()).as(remote.outcome().message() + topology.logs()).isEqualTo(ExitCode.OK);

		assertThat(remote.readBy()).as("the extract's partitions, by the process that read each")
			.hasSize(PARTITIONS);
		Set<Long> readers = remote.readBy()
			.values()
			.stream()
			.map(process -> Long.valueOf(process.substring(0, process.indexOf('@'))))
			.collect(Collectors.toSet());
		assertThat(readers).as("every partition read by a worker, each worker read some, none read here")
			.containsExactlyInAnyOrderElementsOf(topology.workers().stream().map(Process::pid).toList())
			.doesNotContain(ProcessHandle.current().pid());
		OutputTrees.assertSame(local.output(), remote.output());

		long ended = remote.partitionIds().get(0);
		String before = stepExecutionRow(ended);
		sendRequest(ExtractPartitioning.PATIENT_EXTRACT_PARTITION, ended);
		topology.awaitWorkerLog("Demande de l'étape " + ended + " abandonnée");
		assertThat(stepExecutionRow(ended)).as("a partition already read is not read again").isEqualTo(before);

		for (Process worker : topology.workers()) {
			worker.destroy();
		}
		for (Process worker : topology.workers()) {
			assertThat(worker.waitFor(5, TimeUnit.MINUTES)).as("worker %d ends on SIGTERM", worker.pid()).isTrue();
		}
		assertThat(topology.logs()).as("the workers' logs").doesNotContain("ERROR");
	}

	/** A request as the run's process sends one, for a partition chosen by the test. */
	private static void sendRequest(String stepName, long stepExecutionId) {
		try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(topology.brokerUrl)) {
			new JmsTemplate(factory).convertAndSend(RemoteTopology.QUEUE,
					PartitionRequestMessages.toMap(new StepExecutionRequest(stepName, stepExecutionId)));
		}
	}

	/** Status, version and end of a step execution, as the job repository has them. */
	private static String stepExecutionRow(long stepExecutionId) throws SQLException {
		try (Connection connection = DriverManager.getConnection(topology.database, "postgres", "postgres");
				PreparedStatement query = connection.prepareStatement(
						"SELECT STATUS, VERSION, END_TIME FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?")) {
			query.setLong(1, stepExecutionId);
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).isTrue();
				return row.getString(1) + " " + row.getLong(2) + " " + row.getTimestamp(3);
			}
		}
	}

}
