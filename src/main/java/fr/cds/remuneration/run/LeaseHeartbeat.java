package fr.cds.remuneration.run;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Renews a lease every {@link LeaseSettings#heartbeat()} from a daemon thread, each time in a short
 * transaction on a connection of the pool (none is held between beats). A beat that fails (the
 * database is away) is said once in French and tried again at the next; a beat that finds the
 * lease taken over stops the heartbeat, and the run is then stopped by the fence before any
 * payment.
 */
final class LeaseHeartbeat implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(LeaseHeartbeat.class);

	private final ExerciceLease leases;

	private final ExerciceLease.Lease lease;

	private final ScheduledExecutorService thread;

	private final AtomicBoolean failing = new AtomicBoolean();

	private LeaseHeartbeat(ExerciceLease leases, ExerciceLease.Lease lease) {
		this.leases = leases;
		this.lease = lease;
		this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread t = new Thread(runnable, "lease-" + lease.exercice());
			t.setDaemon(true);
			return t;
		});
	}

	/** Starts beating, unless the settings turn the heartbeat off (zero). */
	static LeaseHeartbeat start(ExerciceLease leases, ExerciceLease.Lease lease) {
		LeaseHeartbeat heartbeat = new LeaseHeartbeat(leases, lease);
		long every = leases.settings().heartbeat().toMillis();
		if (every > 0) {
			heartbeat.thread.scheduleWithFixedDelay(heartbeat::beat, every, every, TimeUnit.MILLISECONDS);
		}
		return heartbeat;
	}

	private void beat() {
		if (this.leases.lockedByThisProcess(this.lease.exercice())) {
			// our own payment transaction holds the row and renews the lease when it commits
			return;
		}
		try {
			if (!this.leases.beat(this.lease)) {
				logger.error("Bail de l'exercice " + this.lease.exercice() + " repris par un autre processus : ce run"
						+ " s'arrêtera avant tout paiement.");
				this.thread.shutdown();
				return;
			}
			if (this.failing.compareAndSet(true, false)) {
				logger.warn("Bail de l'exercice " + this.lease.exercice() + " renouvelé de nouveau.");
			}
		}
		catch (RuntimeException ex) {
			if (this.failing.compareAndSet(false, true)) {
				logger.warn("Bail de l'exercice " + this.lease.exercice() + " non renouvelé (base de données"
						+ " injoignable ?) : " + LeaseFailures.oneLine(ex) + " ; nouvel essai à chaque battement.");
			}
		}
	}

	@Override
	public void close() {
		this.thread.shutdownNow();
	}

}
