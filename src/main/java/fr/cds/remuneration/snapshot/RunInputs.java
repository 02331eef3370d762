package fr.cds.remuneration.snapshot;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.extract.PatientAggregate;

/**
 * Everything a run stored about its centres, read in five queries rather than five per centre:
 * at 3,000 centres the per-centre reads were most of the computation step.
 */
public final class RunInputs {

	private final Map<String, Centre> centres;

	private final Map<String, Declaration> declarations;

	private final Map<String, PatientAggregate> patients;

	private final Map<String, Long> rejectedRows;

	private final Map<String, List<Contract>> contracts;

	private final LocalDate extractionDate;

	RunInputs(Map<String, Centre> centres, Map<String, Declaration> declarations, Map<String, PatientAggregate> patients,
			Map<String, Long> rejectedRows, Map<String, List<Contract>> contracts, LocalDate extractionDate) {
		this.centres = centres;
		this.declarations = declarations;
		this.patients = patients;
		this.rejectedRows = rejectedRows;
		this.contracts = contracts;
		this.extractionDate = extractionDate;
	}

	/** The engine's inputs of every accepted centre of the run but {@code excluded}, in FINESS order. */
	public List<CentreInputs> all(java.util.Set<String> excluded) {
		return this.centres.keySet()
			.stream()
			.filter(finess -> !excluded.contains(finess))
			.sorted()
			.map(this::of)
			.toList();
	}

	/** The engine's inputs for one accepted centre of the run. */
	public CentreInputs of(String finess) {
		Centre centre = this.centres.get(finess);
		if (centre == null) {
			throw new IllegalArgumentException("le centre " + finess + " n'est pas parmi les centres acceptés du run");
		}
		return new CentreInputs(centre, this.declarations.getOrDefault(finess, Declaration.none(new Finess(finess))),
				this.patients.getOrDefault(finess, PatientAggregate.EMPTY), this.extractionDate,
				this.rejectedRows.getOrDefault(finess, 0L), this.contracts.getOrDefault(finess, List.of()));
	}

}
