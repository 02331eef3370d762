package fr.cds.remuneration.reprocess;

import java.util.Optional;

import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.snapshot.RunStore.StoredResult;

/**
 * A centre recomputed by a re-processing: its new result, and the run of the result its ledger
 * stood on before (none for a centre the annual run did not compute).
 *
 * @param inputRunId the run whose stored inputs the new result was computed from
 * @param previousRunId the run of the previous result
 * @param stored the new result with its JSON, written by the processor
 */
public record Regularisation(String finess, long inputRunId, Optional<Long> previousRunId, StoredResult stored) {

	public CentreResult result() {
		return this.stored.result();
	}

}
