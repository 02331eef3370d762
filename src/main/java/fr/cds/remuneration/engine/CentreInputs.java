package fr.cds.remuneration.engine;

import java.time.LocalDate;
import java.util.List;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.extract.PatientAggregate;

/**
 * Everything the engine needs about one centre for one exercice. The same record is built by the
 * batch (from the run's snapshot), by the simulate command and by the web calculette.
 *
 * @param extractionDate date the patient extract was taken (shown with the patient counts)
 * @param rejectedRows input rows rejected for this centre (reported on its statement)
 * @param contracts the centre's contracts in force during the exercice (the aids pay on them)
 * @param thresholds the run's national thresholds ({@link PeerThresholds#NONE} for one centre alone)
 */
public record CentreInputs(Centre centre, Declaration declaration, PatientAggregate patients,
		LocalDate extractionDate, long rejectedRows, List<Contract> contracts, PeerThresholds thresholds) {

	public CentreInputs {
		contracts = List.copyOf(contracts);
		thresholds = thresholds == null ? PeerThresholds.NONE : thresholds;
	}

	/** Inputs of a centre computed alone: no national distribution. */
	public CentreInputs(Centre centre, Declaration declaration, PatientAggregate patients, LocalDate extractionDate,
			long rejectedRows, List<Contract> contracts) {
		this(centre, declaration, patients, extractionDate, rejectedRows, contracts, PeerThresholds.NONE);
	}

	/** The same inputs with the run's national thresholds. */
	public CentreInputs withThresholds(PeerThresholds runThresholds) {
		return new CentreInputs(this.centre, this.declaration, this.patients, this.extractionDate, this.rejectedRows,
				this.contracts, runThresholds);
	}

	/** Inputs without contracts: a centre with no contract, or an estimate that does not ask for them. */
	public CentreInputs(Centre centre, Declaration declaration, PatientAggregate patients, LocalDate extractionDate,
			long rejectedRows) {
		this(centre, declaration, patients, extractionDate, rejectedRows, List.of());
	}

}
