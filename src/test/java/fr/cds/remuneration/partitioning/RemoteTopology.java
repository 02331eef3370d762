package fr.cds.remuneration.partitioning;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

import fr.cds.remuneration.Application;
import fr.cds.remuneration.partitioning.ExtractPartitioning;
import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.partitioning.PartitionProcessRecorder;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.support.LedgerRows;
import fr.cds.remuneration.support.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production topology of remote partitioning, in a test: an Artemis broker in this JVM, a
 * PostgreSQL job repository, worker processes in JVMs of their own started as an operator starts
 * them (the application's main class, the profile and the documented variables), and annual runs
 * launched in this JVM. Waits are on what the processes write, with generous deadlines, never on
 * a delay: the tests pass on a loaded machine.
 */
final class RemoteTopology implements AutoCloseable {

	static final Path SAMPLES = Path.of("input-samples");

	static final String QUEUE = "cds.patient-extract.partitions";

	final Path work;

	final String brokerUrl;

	final String database;

	private EmbeddedActiveMQ broker;

	private final List<Process> workers = new ArrayList<>();

	private final List<Path> workerLogs = new ArrayList<>();

	RemoteTopology(Path work, String name) throws Exception {
		this.work = work;
		this.brokerUrl = "tcp://127.0.0.1:" + freePort();
		this.database = EmbeddedPostgres.newDatabase(name);
		startBroker();
	}

	void startBroker() throws Exception {
		ConfigurationImpl configuration = new ConfigurationImpl();
		configuration.setPersistenceEnabled(false)
			.setSecurityEnabled(false)
			.setJMXManagementEnabled(false)
			.setMaxDiskUsage(-1)
			.addAcceptorConfiguration("tcp", this.brokerUrl);
		configuration.setBrokerInstance(this.work.resolve("broker").toFile());
		this.broker = new EmbeddedActiveMQ().setConfiguration(configuration).start();
	}

	void stopBroker() throws Exception {
		this.broker.stop();
		this.broker = null;
	}

	/** A worker as docs/scale.md starts one, from the test's class path and on this broker. */
	Process startWorker(String... settings) throws IOException {
		Path log = this.work.resolve("worker-" + (this.workers.size() + 1) + ".log");
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Application.class.getName(), "worker"));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("SPRING_PROFILES_ACTIVE", "remote-partitioning,postgres");
		builder.environment().put("CDS_DB_URL", this.database);
		builder.environment().put("CDS_DB_USER", "postgres");
		builder.environment().put("CDS_DB_PASSWORD", "postgres");
		builder.environment().put("CDS_DB_POOL_SIZE", "3");
		builder.environment().put("CDS_BROKER_URL", this.brokerUrl);
		for (String setting : settings) {
			int equals = setting.indexOf('=');
			builder.environment().put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		Process worker = builder.start();
		this.workers.add(worker);
		this.workerLogs.add(log);
		return worker;
	}

	List<Process> workers() {
		return this.workers;
	}

	/** The settings of a run launched with remote partitioning on this topology. */
	List<String> remoteRunSettings(int partitions, String... more) {
		List<String> settings = new ArrayList<>(List.of("spring.profiles.active=remote-partitioning,postgres",
				"CDS_DB_URL=" + this.database, "CDS_DB_USER=postgres", "CDS_DB_PASSWORD=postgres",
				"CDS_BROKER_URL=" + this.brokerUrl, "cds.remote-partitioning.poll-interval=100ms",
				"cds.remote-partitioning.timeout=300s", "cds.extract.partitions=" + partitions,
				"cds.extract.min-partition-bytes=1"));
		settings.addAll(List.of(more));
		return settings;
	}

	/**
	 * A run's outputs, its outcome, for each partition of its extract the process that read it, and
	 * the partitions' step execution ids, and the ledger after it.
	 */
	record Run(Path output, JobOutcome outcome, Map<String, String> readBy, List<Long> partitionIds,
			List<String> ledger) {
	}

	/** The README's annual run on the samples, with these settings, its outputs in {@code work/name}. */
	Run annualRun(List<String> settings, String name) {
		Path output = this.work.resolve(name);
		Map<String, String> readBy = new TreeMap<>();
		List<Long> partitionIds = new ArrayList<>();
		try (ConfigurableApplicationContext context = Applications.start(settings)) {
			JobOutcome outcome = context.getBean(AnnualRunLauncher.class)
				.launch(new AnnualRunLauncher.Request(2024, SAMPLES, output, RuleSetRepository.BUILT_IN, Optional.empty(),
						LocalDate.of(2025, 2, 14)));
			if (outcome.execution() != null) {
				for (StepExecution step : context.getBean(JobRepository.class)
					.getJobExecution(outcome.execution().getId())
					.getStepExecutions()) {
					if (step.getStepName().startsWith(ExtractPartitioning.PATIENT_EXTRACT_PARTITION + ":")
							&& step.getStatus() == BatchStatus.COMPLETED) {
						readBy.put(step.getStepName(),
								step.getExecutionContext().getString(PartitionProcessRecorder.PROCESS));
						partitionIds.add(step.getId());
					}
				}
			}
			return new Run(output, outcome, readBy, partitionIds, LedgerRows.of(context));
		}
	}

	/** Waits until {@code count} workers listen on the queue; fails at once if a worker has exited. */
	void awaitConsumers(int count) throws Exception {
		await("workers listening on " + QUEUE, Duration.ofMinutes(10), () -> {
			Queue queue = this.broker.getActiveMQServer().locateQueue(QUEUE);
			return queue != null && queue.getConsumerCount() >= count;
		});
	}

	/** Waits for a condition, failing with the workers' logs if a worker died or the deadline passed. */
	void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + deadline.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waiting for %s%s", what, logs()).isLessThan(end);
			Thread.sleep(100);
		}
	}

	void awaitWorkerLog(String line) throws InterruptedException {
		await("a worker logging '" + line + "'", Duration.ofMinutes(10), () -> logs().contains(line));
	}

	String logs() {
		StringBuilder logs = new StringBuilder();
		for (int i = 0; i < this.workerLogs.size(); i++) {
			try {
				logs.append("\n--- worker ").append(i + 1).append(":\n").append(Files.readString(this.workerLogs.get(i)));
			}
			catch (IOException ex) {
				logs.append("\n--- worker ").append(i + 1).append(": no log");
			}
		}
		return logs.toString();
	}

	@Override
	public void close() throws Exception {
		for (Process worker : this.workers) {
			worker.destroyForcibly();
		}
		if (this.broker != null) {
			this.broker.stop();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
