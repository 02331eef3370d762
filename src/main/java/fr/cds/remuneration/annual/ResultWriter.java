package fr.cds.remuneration.annual;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.snapshot.RunStore;

/** Stores a chunk of computed results with their explanations. */
public class ResultWriter implements ItemWriter<CentreResult> {

	private final RunStore store;

	private final long runId;

	public ResultWriter(RunStore store, long runId) {
		this.store = store;
		this.runId = runId;
	}

	@Override
	public void write(Chunk<? extends CentreResult> chunk) {
		this.store.saveResults(this.runId, List.copyOf(chunk.getItems()));
	}

}
