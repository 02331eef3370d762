package fr.cds.remuneration.annual;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.StoredResult;

/** Stores a chunk of computed results with their explanations. */
public class ResultWriter implements ItemWriter<StoredResult> {

	private final RunStore store;

	private final long runId;

	public ResultWriter(RunStore store, long runId) {
		this.store = store;
		this.runId = runId;
	}

	@Override
	public void write(Chunk<? extends StoredResult> chunk) {
		this.store.saveStoredResults(this.runId, List.copyOf(chunk.getItems()));
	}

}
