package fr.cds.remuneration.annual;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * Rejects of the patient extract saved to the run's store a few thousand at a time, by partition:
 * a broken extract may reject millions of rows, which must never sit in memory together.
 */
final class RejectBatches {

	private static final int SIZE = 5_000;

	private final RunStore store;

	private final long runId;

	private final Map<Integer, List<Reject>> pending = new TreeMap<>();

	RejectBatches(RunStore store, long runId) {
		this.store = store;
		this.runId = runId;
	}

	void add(int partition, Reject reject) {
		List<Reject> batch = this.pending.computeIfAbsent(partition, p -> new ArrayList<>());
		batch.add(reject);
		if (batch.size() >= SIZE) {
			this.store.saveRejects(this.runId, partition, batch);
			batch.clear();
		}
	}

	/** Saves what is left. */
	void flush() {
		this.pending.forEach((partition, batch) -> {
			if (!batch.isEmpty()) {
				this.store.saveRejects(this.runId, partition, batch);
				batch.clear();
			}
		});
	}

}
