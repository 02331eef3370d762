package fr.cds.remuneration.partitioning;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.partitioning.RemoteTopology.Run;
import fr.cds.remuneration.support.OutputTrees;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults of the production topology that must end, with no SQL by hand, in the outputs of an
 * uninterrupted run: the broker down when the partitions are sent, and a worker killed with
 * {@code kill -9} in the middle of a partition while another worker is alive.
 * <p>
 * The kill lands inside a partition by construction, not by timing: the test holds a lock on the
 * table a partition writes first, so the worker is stopped inside its partition (its step
 * execution {@code STARTED}, its lease taken) until it is killed.
 */
class RemotePartitionFaultsTest {

	static final int PARTITIONS = 4;

	static final String HEARTBEAT = "CDS_PARTITION_HEARTBEAT=300ms";

	@TempDir
	Path work;

	@Test
	void brokerDownWhenThePartitionsAreSentThenTheSameCommandFinishesTheRun() throws Exception {
		try (RemoteTopology topology = new RemoteTopology(this.work, "brokerdown")) {
			Run local = topology.annualRun(List.of("spring.datasource.url=jdbc:h2:mem:brokerdown-local;DB_CLOSE_DELAY=-1"),
					"local");
			topology.stopBroker();

			Run refused = topology.annualRun(topology.remoteRunSettings(PARTITIONS), "remote");
			assertThat(refused.outcome().exitCode()).as(refused.outcome().message()).isNotEqualTo(ExitCode.OK);
			assertThat(refused.outcome().message()).as("the operator is told what failed and what to do")
				.contains("non transmises", "relancez la même commande");
			assertThat(stepsStillRunning(topology)).as("no partition left waiting or running after a failed send")
				.isZero();

			Process worker = topology.startWorker(HEARTBEAT);
			topology.awaitWorkerLog("injoignable");
			assertThat(topology.logs()).as("a worker that cannot reach the broker does not claim to read its queue")
				.doesNotContain("lit les partitions");
			topology.startBroker();
			topology.awaitConsumers(1);
			assertThat(topology.logs()).contains("joint", "lit les partitions");

			Run again = topology.annualRun(topology.remoteRunSettings(PARTITIONS), "remote");
			assertThat(again.outcome().exitCode()).as(again.outcome().message() + topology.logs()).isEqualTo(ExitCode.OK);
			assertThat(again.readBy().values()).as("the partitions sent again, read by the worker")
				.hasSize(PARTITIONS)
				.allSatisfy(process -> assertThat(process).startsWith(worker.pid() + "@"));
			OutputTrees.assertSame(local.output(), again.output());
			assertThat(again.ledger()).as("the ledger of the local run: nothing paid twice, nothing missing")
				.isNotEmpty()
				.isEqualTo(local.ledger());
			assertThat(stepsStillRunning(topology)).isZero();
		}
	}

	@Test
	void workerKilledInsideAPartitionThenAnotherWorkerReadsItAgainInTheSameRun() throws Exception {
		try (RemoteTopology topology = new RemoteTopology(this.work, "workerkilled")) {
			Run local = topology.annualRun(List.of("spring.datasource.url=jdbc:h2:mem:workerkilled-local;DB_CLOSE_DELAY=-1"),
					"local");
			Process first = topology.startWorker(HEARTBEAT);
			Process second = topology.startWorker(HEARTBEAT);
			topology.awaitConsumers(2);

			CompletableFuture<Run> remote;
			long killed;
			try (Connection blocker = DriverManager.getConnection(topology.database, "postgres", "postgres")) {
				blocker.setAutoCommit(false);
				try (Statement lock = blocker.createStatement()) {
					lock.execute("LOCK TABLE RUN_PATIENT_AGGREGATE IN ACCESS EXCLUSIVE MODE");
				}
				remote = CompletableFuture.supplyAsync(() -> topology.annualRun(topology.remoteRunSettings(PARTITIONS), "remote"));
				topology.await("the first worker inside a partition", Duration.ofMinutes(10),
						() -> leaseHolders(topology).contains(first.pid() + "@"));
				first.destroyForcibly();
				assertThat(first.waitFor(5, TimeUnit.MINUTES)).as("kill -9 of the first worker").isTrue();
				killed = System.nanoTime();
				blocker.rollback();
			}

			Run run = remote.get(30, TimeUnit.MINUTES);
			double seconds = (System.nanoTime() - killed) / 1e9;
			System.out.printf("Worker killed inside a partition: run completed %.1f s after the kill%n", seconds);

			assertThat(run.outcome().exitCode()).as(run.outcome().message() + topology.logs()).isEqualTo(ExitCode.OK);
			assertThat(run.readBy().values()).as("every partition, the one taken over included, read by the live worker")
				.hasSize(PARTITIONS)
				.allSatisfy(process -> assertThat(process).startsWith(second.pid() + "@"));
			assertThat(topology.logs()).contains("reprise : son lecteur");
			assertThat(partitionRows(topology)).as("each partition's counts stored exactly once").isEqualTo(PARTITIONS);
			OutputTrees.assertSame(local.output(), run.output());
			assertThat(run.ledger()).as("the ledger of the local run: nothing paid twice, nothing missing")
				.isNotEmpty()
				.isEqualTo(local.ledger());
			assertThat(stepsStillRunning(topology)).isZero();
		}
	}

	/** The processes holding the lease of a partition they have started to read. */
	private static String leaseHolders(RemoteTopology topology) {
		return query(topology, "SELECT COALESCE(STRING_AGG(L.PROCESS, ' '), '') FROM PARTITION_LEASE L"
				+ " JOIN BATCH_STEP_EXECUTION S ON S.STEP_EXECUTION_ID = L.STEP_EXECUTION_ID WHERE S.STATUS = 'STARTED'");
	}

	private static int stepsStillRunning(RemoteTopology topology) {
		return Integer.parseInt(query(topology,
				"SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED', 'STOPPING')"));
	}

	private static int partitionRows(RemoteTopology topology) {
		return Integer.parseInt(query(topology, "SELECT COUNT(*) FROM RUN_PATIENT_PARTITION"));
	}

	private static String query(RemoteTopology topology, String sql) {
		try (Connection connection = DriverManager.getConnection(topology.database, "postgres", "postgres");
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getString(1);
		}
		catch (SQLException ex) {
			// the schema may not exist yet while the first process starts
			return "";
		}
	}

}
