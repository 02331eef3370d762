package fr.cds.remuneration.reprocess;

import java.time.LocalDate;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import fr.cds.remuneration.ledger.CentreSettler;
import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.run.ExerciceLease;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.snapshot.RunStore.StoredResult;

/**
 * Stores a chunk of recomputed centres and records in the ledger, for each centre whose amount
 * changed, the regularisation that brings its ledger to the new total. Results, settlements and
 * ledger entries of a chunk are written in one transaction with the reader's position: after a
 * crash, a restart goes on from the last committed chunk and records each difference once.
 */
public class RegularisationWriter implements ItemWriter<Regularisation> {

	private final RunStore store;

	private final ReprocessStore reprocessStore;

	private final CentreSettler settler;

	private final long runId;

	private final ExerciceLease lease;

	public RegularisationWriter(RunStore store, ReprocessStore reprocessStore, CentreSettler settler, long runId,
			ExerciceLease lease) {
		this.lease = lease;
		this.store = store;
		this.reprocessStore = reprocessStore;
		this.settler = settler;
		this.runId = runId;
	}

	@Override
	public void write(Chunk<? extends Regularisation> chunk) {
		List<StoredResult> results = chunk.getItems().stream().map(Regularisation::stored).toList();
		// fencing, in the chunk's transaction: a run whose lease was taken over writes nothing
		results.stream().map(r -> r.result().exercice()).distinct().forEach(this.lease::fence);
		this.store.saveStoredResults(this.runId, results);
		java.util.Map<String, Long> previousRuns = new java.util.HashMap<>();
		chunk.getItems().forEach(r -> previousRuns.put(r.finess(), r.previousRunId().orElse(null)));
		this.reprocessStore.savePreviousRuns(this.runId, previousRuns);
		this.settler.settleCentres(this.runId, ReprocessJobConfiguration.JOB_NAME, PaymentKind.REGULARISATION,
				chunk.getItems()
					.stream()
					.map(r -> new CentreSettler.CentreTotals(r.finess(), r.result().exercice(),
							r.result().ruleSet().reference(), r.result().totalsByStream(), r.result().streamsNotComputed()))
					.toList(),
				LocalDate.now());
	}

}
