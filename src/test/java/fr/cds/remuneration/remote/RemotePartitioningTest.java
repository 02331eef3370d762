package fr.cds.remuneration.remote;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.core.JmsTemplate;

import fr.cds.remuneration.Application;
import fr.cds.remuneration.annual.AnnualPaymentJobConfiguration;
import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.annual.PartitionProcessRecorder;
import fr.cds.remuneration.cli.ExitCode;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.support.EmbeddedPostgres;
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

	static final Path SAMPLES = Path.of("input-samples");

	static final int PARTITIONS = 8;

	static final String QUEUE = "cds.patient-extract.partitions";

	@TempDir
	static Path work;

	static EmbeddedActiveMQ broker;

	static String brokerUrl;

	static String database;

	static final List<Process> workers = new ArrayList<>();

	@BeforeAll
	static void brokerDatabaseAndTwoWorkers() throws Exception {
		brokerUrl = "tcp://127.0.0.1:" + freePort();
		ConfigurationImpl configuration = new ConfigurationImpl();
		configuration.setPersistenceEnabled(false)
			.setSecurityEnabled(false)
			.setJMXManagementEnabled(false)
			.setMaxDiskUsage(-1)
			.addAcceptorConfiguration("tcp", brokerUrl);
		configuration.setBrokerInstance(work.resolve("broker").toFile());
		broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
		database = EmbeddedPostgres.newDatabase("remote");
		for (int i = 1; i <= 2; i++) {
			workers.add(startWorker(work.resolve("worker-" + i + ".log")));
		}
	}

	@AfterAll
	static void stopAll() throws Exception {
		for (Process worker : workers) {
			worker.destroyForcibly();
		}
		if (broker != null) {
			broker.stop();
		}
	}

	@Test
	void workerProcessesReadEveryPartitionAndTheOutputsAreThoseOfALocalRun() throws Exception {
		Run local = annualRun(List.of("spring.datasource.url=jdbc:h2:mem:remote-local;DB_CLOSE_DELAY=-1"), "local");
		assertThat(local.readBy()).as("a local run reads its extract in this process")
			.isNotEmpty()
			.allSatisfy((partition, process) -> assertThat(process).isEqualTo(PartitionProcessRecorder.currentProcess()));
		awaitConsumers(workers.size());

		Run remote = annualRun(List.of("spring.profiles.active=remote-partitioning,postgres", "CDS_DB_URL=" + database,
				"CDS_DB_USER=postgres", "CDS_DB_PASSWORD=postgres", "CDS_BROKER_URL=" + brokerUrl,
				"cds.remote-partitioning.poll-interval=100ms", "cds.remote-partitioning.timeout=60s",
				"cds.extract.partitions=" + PARTITIONS, "cds.extract.min-partition-bytes=1"), "remote");

		assertThat(remote.readBy()).as("the extract's partitions, by the process that read each")
			.hasSize(PARTITIONS);
		Set<Long> readers = remote.readBy()
			.values()
			.stream()
			.map(process -> Long.valueOf(process.substring(0, process.indexOf('@'))))
			.collect(Collectors.toSet());
		assertThat(readers).as("every partition read by a worker, each worker read some, none read here")
			.containsExactlyInAnyOrderElementsOf(workers.stream().map(Process::pid).toList())
			.doesNotContain(ProcessHandle.current().pid());
		OutputTrees.assertSame(local.output(), remote.output());

		long ended = remote.partitionIds().get(0);
		String before = stepExecutionRow(ended);
		sendRequest(AnnualPaymentJobConfiguration.PATIENT_EXTRACT_PARTITION, ended);
		awaitWorkerLog("Request for step execution " + ended + " dropped");
		assertThat(stepExecutionRow(ended)).as("a partition already read is not read again").isEqualTo(before);

		for (Process worker : workers) {
			worker.destroy();
		}
		for (Process worker : workers) {
			assertThat(worker.waitFor(30, TimeUnit.SECONDS)).as("worker %d ends on SIGTERM", worker.pid()).isTrue();
		}
		assertThat(workerLogs()).as("the workers' logs").doesNotContain("ERROR");
	}

	/**
	 * A run's outputs, for each partition of its extract the process that read it, and the
	 * partitions' step execution ids.
	 */
	record Run(Path output, Map<String, String> readBy, List<Long> partitionIds) {
	}

	private static Run annualRun(List<String> properties, String name) {
		Path output = work.resolve(name);
		Map<String, String> readBy = new TreeMap<>();
		List<Long> partitionIds = new ArrayList<>();
		try (ConfigurableApplicationContext context = Applications.start(properties)) {
			JobOutcome outcome = context.getBean(AnnualRunLauncher.class)
				.launch(new AnnualRunLauncher.Request(2024, SAMPLES, output, RuleSetRepository.BUILT_IN, Optional.empty(),
						LocalDate.of(2025, 2, 14)));
			assertThat(outcome.exitCode()).as(outcome.message() + workerLogs()).isEqualTo(ExitCode.OK);
			for (StepExecution step : context.getBean(JobRepository.class)
				.getJobExecution(outcome.execution().getId())
				.getStepExecutions()) {
				if (step.getStepName().startsWith(AnnualPaymentJobConfiguration.PATIENT_EXTRACT_PARTITION + ":")) {
					assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
					readBy.put(step.getStepName(), step.getExecutionContext().getString(PartitionProcessRecorder.PROCESS));
					partitionIds.add(step.getId());
				}
			}
		}
		return new Run(output, readBy, partitionIds);
	}

	/** A request as the run's process sends one, for a partition chosen by the test. */
	private static void sendRequest(String stepName, long stepExecutionId) {
		try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl)) {
			new JmsTemplate(factory).convertAndSend(QUEUE,
					PartitionRequestMessages.toMap(new StepExecutionRequest(stepName, stepExecutionId)));
		}
	}

	/** Status, version and end of a step execution, as the job repository has them. */
	private static String stepExecutionRow(long stepExecutionId) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database, "postgres", "postgres");
				PreparedStatement query = connection.prepareStatement(
						"SELECT STATUS, VERSION, END_TIME FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?")) {
			query.setLong(1, stepExecutionId);
			try (ResultSet row = query.executeQuery()) {
				assertThat(row.next()).isTrue();
				return row.getString(1) + " " + row.getLong(2) + " " + row.getTimestamp(3);
			}
		}
	}

	private static void awaitWorkerLog(String line) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!workerLogs().contains(line)) {
			assertThat(System.nanoTime()).as("a worker logs '%s'%s", line, workerLogs()).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/** A worker as the README starts one, but from the test's class path and on the test's broker. */
	private static Process startWorker(Path log) throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Application.class.getName(), "worker");
		builder.environment().put("SPRING_PROFILES_ACTIVE", "remote-partitioning,postgres");
		builder.environment().put("CDS_DB_URL", database);
		builder.environment().put("CDS_DB_USER", "postgres");
		builder.environment().put("CDS_DB_PASSWORD", "postgres");
		builder.environment().put("CDS_DB_POOL_SIZE", "3");
		builder.environment().put("CDS_BROKER_URL", brokerUrl);
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		return builder.start();
	}

	/** Waits until the workers listen on the queue; fails at once if one of them has exited. */
	private static void awaitConsumers(int count) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			for (Process worker : workers) {
				assertThat(worker.isAlive()).as("worker %d is running%s", worker.pid(), workerLogs()).isTrue();
			}
			Queue queue = broker.getActiveMQServer().locateQueue(QUEUE);
			if (queue != null && queue.getConsumerCount() >= count) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the workers did not listen on " + QUEUE + " in time" + workerLogs());
	}

	private static String workerLogs() {
		StringBuilder logs = new StringBuilder();
		for (int i = 1; i <= workers.size(); i++) {
			try {
				logs.append("\n--- worker ").append(i).append(":\n").append(Files.readString(work.resolve("worker-" + i + ".log")));
			}
			catch (IOException ex) {
				logs.append("\n--- worker ").append(i).append(": no log");
			}
		}
		return logs.toString();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
