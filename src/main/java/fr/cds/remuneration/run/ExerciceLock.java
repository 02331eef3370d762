package fr.cds.remuneration.run;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

/**
 * One process per exercice, whatever the command: the exercice's {@link ExerciceLease}, taken when
 * the command starts, renewed by a heartbeat while it works, and given back when it ends. A second
 * process asking for the same exercice is refused at once while the lease is alive; a process
 * killed in the middle stops renewing it, and once it has expired the next launch takes it over
 * and recovers the execution left running.
 */
@Component
public class ExerciceLock {

	private static final Log logger = LogFactory.getLog(ExerciceLock.class);

	private final ExerciceLease leases;

	public ExerciceLock(ExerciceLease leases) {
		this.leases = leases;
	}

	/** A held lease with its heartbeat; closing it gives the exercice back. */
	public static final class Held implements AutoCloseable {

		private final ExerciceLease leases;

		private final ExerciceLease.Lease lease;

		private final LeaseHeartbeat heartbeat;

		private Held(ExerciceLease leases, ExerciceLease.Lease lease) {
			this.leases = leases;
			this.lease = lease;
			this.heartbeat = LeaseHeartbeat.start(leases, lease);
		}

		public ExerciceLease.Lease lease() {
			return this.lease;
		}

		@Override
		public void close() {
			this.heartbeat.close();
			this.leases.release(this.lease);
		}

	}

	/** Takes the exercice's lease, or returns empty at once when another process holds it. */
	public Optional<Held> tryAcquire(int exercice) {
		return acquire(exercice).lease().map(lease -> {
			lease.tookOver().ifPresent(previous -> logger.warn("Bail de l'exercice " + exercice
					+ " repris : son détenteur (" + LeaseText.holder(previous) + ") ne le renouvelait plus."
					+ " Son exécution interrompue est reprise."));
			return new Held(this.leases, lease);
		});
	}

	/** The take itself, with the live holder when it is refused. */
	public ExerciceLease.Taken acquire(int exercice) {
		return this.leases.take(exercice);
	}

	/** The refusal to give an operator when {@link #tryAcquire} returned empty. */
	public String refusal(int exercice) {
		return this.leases.holder(exercice)
			.filter(h -> h.holderId() != null)
			.map(h -> LeaseText.refusal(exercice, h))
			.orElse("L'exercice " + exercice + " est en cours de traitement par un autre processus : refusé.");
	}

}
