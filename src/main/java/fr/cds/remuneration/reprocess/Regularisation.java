package fr.cds.remuneration.reprocess;

import java.util.Optional;

import fr.cds.remuneration.engine.CentreResult;

/**
 * A centre recomputed by a re-processing: its new result, and the run of the result its ledger
 * stood on before (none for a centre the annual run did not compute).
 *
 * @param inputRunId the run whose stored inputs the new result was computed from
 * @param previousRunId the run of the previous result
 */
public record Regularisation(String finess, long inputRunId, Optional<Long> previousRunId, CentreResult result) {
}
