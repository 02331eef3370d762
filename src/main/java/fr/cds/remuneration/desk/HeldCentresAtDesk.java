package fr.cds.remuneration.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.desk.RunProposals.Proposal;
import fr.cds.remuneration.output.HeldCentre;
import fr.cds.remuneration.reprocess.ReprocessRun;
import fr.cds.remuneration.reprocess.ReprocessStore;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * The centres held (en attente) for their inputs that a decision on a run leaves unpaid: they have
 * no payment line, so they are never approved with the rest, but the desk must see them. For an
 * annual run, the centres it held. For a re-processing, the centres its annual run held whose latest
 * stored inputs still hold them (a dispute with corrected inputs released the others).
 */
final class HeldCentresAtDesk {

	private final RunStore runs;

	private final ReprocessStore reprocess;

	HeldCentresAtDesk(RunStore runs, ReprocessStore reprocess) {
		this.runs = runs;
		this.reprocess = reprocess;
	}

	List<HeldCentre> of(Proposal proposal) {
		if (proposal.isAnnual()) {
			return described(proposal.runId(), this.runs.heldCentres(proposal.runId()));
		}
		long baseRunId = ReprocessRun.from(proposal.parameters()).baseRunId();
		List<HeldCentre> held = new ArrayList<>();
		for (String finess : this.runs.heldCentres(baseRunId).keySet()) {
			long inputRun = this.reprocess.latestInputRun(proposal.exercice(), baseRunId, finess).orElse(baseRunId);
			if (this.reprocess.isHeld(inputRun, finess)) {
				held.addAll(described(inputRun, Map.of(finess, this.runs.heldCentres(inputRun).get(finess))));
			}
		}
		return held;
	}

	private List<HeldCentre> described(long runId, Map<String, List<String>> reasons) {
		if (reasons.isEmpty()) {
			return List.of();
		}
		Map<String, Centre> centres = this.runs.centres(runId);
		return reasons.entrySet().stream().map(e -> {
			Centre centre = centres.get(e.getKey());
			return centre == null ? new HeldCentre(e.getKey(), "", "", "", e.getValue())
					: new HeldCentre(e.getKey(), centre.name(), centre.type().label(), centre.region().name(), e.getValue());
		}).toList();
	}

}
