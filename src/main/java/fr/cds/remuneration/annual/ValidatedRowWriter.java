package fr.cds.remuneration.annual;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.input.Validated;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.Located;

/**
 * Writes a chunk of validated rows: accepted values to the run's snapshot, rejects to the run's
 * rejects, in the same transaction as the reader's position. Every row read is accounted for.
 */
public class ValidatedRowWriter<T> implements ItemWriter<Validated<T>> {

	private final RunStore store;

	private final long runId;

	private final BiConsumer<Long, List<Located<T>>> saveAccepted;

	public ValidatedRowWriter(RunStore store, long runId, BiConsumer<Long, List<Located<T>>> saveAccepted) {
		this.store = store;
		this.runId = runId;
		this.saveAccepted = saveAccepted;
	}

	@Override
	public void write(Chunk<? extends Validated<T>> chunk) {
		List<Located<T>> accepted = new ArrayList<>();
		List<Reject> rejects = new ArrayList<>();
		for (Validated<T> row : chunk) {
			if (row.isAccepted()) {
				accepted.add(new Located<>(row.value(), row.line()));
			}
			else {
				rejects.addAll(row.rejects());
			}
		}
		if (!accepted.isEmpty()) {
			this.saveAccepted.accept(this.runId, accepted);
		}
		if (!rejects.isEmpty()) {
			this.store.saveRejects(this.runId, RunStore.WHOLE_FILE, rejects);
		}
	}

}
