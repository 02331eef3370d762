package fr.cds.remuneration.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.annual.RuleSetCatalog;
import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.extract.KnownCentres;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.extract.PatientExtract;
import fr.cds.remuneration.input.CentreRowValidator;
import fr.cds.remuneration.input.DeclarationAnswer;
import fr.cds.remuneration.input.DeclarationRowValidator;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.input.InputLimits;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.input.Validated;
import fr.cds.remuneration.input.ValidatedFile;
import fr.cds.remuneration.rules.ExerciceRules;

/**
 * The calculette: computes one centre from its rows of centres.csv and declarations.csv and
 * either a patient-count summary or the extract itself, with the validators and the engine of the
 * annual run, so that the same inputs give the same amount. Touches neither the database nor the
 * ledger.
 */
@Component
public class CentreSimulation {

	private final RuleSetCatalog catalog;

	private final RegionTable regions;

	private final InputLimits limits;

	public CentreSimulation(RuleSetCatalog catalog, RegionTable regions, InputLimits limits) {
		this.catalog = catalog;
		this.regions = regions;
		this.limits = limits;
	}

	/**
	 * What to simulate.
	 *
	 * @param finess the centre, or empty when the centres file holds only one
	 * @param patientCounts a patient-count summary ({@link PatientCountsFile}), or empty
	 * @param patients the extract itself, when no summary is given
	 */
	public record Request(int exercice, Path centres, Path declarations, Optional<Path> patientCounts,
			Optional<Path> patients, Optional<String> finess, String rulesLocation, Optional<String> ruleSet,
			LocalDate extractionDate) {
	}

	/** The explained result, and the centre's rows that were rejected (not taken into account). */
	public record Simulation(CentreResult result, List<Reject> rejects) {
	}

	public Simulation simulate(Request request) {
		ExerciceRules rules = this.catalog.repository(request.rulesLocation())
			.rulesFor(request.exercice(), request.ruleSet());
		List<Validated<Centre>> centreRows = ValidatedFile.read(request.centres(),
				InputFile.CENTRES, new CentreRowValidator(request.exercice(), this.regions, this.limits, Set.of()));
		Map<String, CentreType> types = new HashMap<>();
		centreRows.stream().filter(Validated::isAccepted).forEach(r -> types.put(r.value().finess().value(), r.value().type()));
		Centre centre = pick(centreRows, request.finess());
		Finess finess = centre.finess();
		List<Validated<DeclarationAnswer>> answers = ValidatedFile.read(
				request.declarations(), InputFile.DECLARATIONS, new DeclarationRowValidator(rules, types, Set.of()));
		Map<String, String> declared = new HashMap<>();
		List<Reject> rejects = new ArrayList<>();
		for (Validated<DeclarationAnswer> answer : answers) {
			if (answer.isAccepted() && answer.value().finess().equals(finess)) {
				declared.put(answer.value().indicator(), answer.value().value());
			}
			answer.rejects().stream().filter(r -> finess.value().equals(r.finess())).forEach(rejects::add);
		}
		PatientAggregate patients = patients(request, finess, types.keySet(), rejects);
		CentreResult result = new RemunerationEngine().compute(rules,
				new CentreInputs(centre, new Declaration(finess, declared), patients, request.extractionDate(),
						rejects.size()));
		return new Simulation(result, List.copyOf(rejects));
	}

	private PatientAggregate patients(Request request, Finess finess, Set<String> centres, List<Reject> rejects) {
		if (request.patientCounts().isPresent()) {
			return PatientCountsFile.read(request.patientCounts().get(), finess);
		}
		if (request.patients().isEmpty()) {
			throw new InputFileException("patients", 0, "give a patient-count summary or the patient extract");
		}
		Path extract = request.patients().get();
		Path work = temporaryDirectory();
		try {
			// as the annual job reads it, duplicate rows taken out
			PatientExtract.Result aggregated = PatientExtract.aggregate(extract, InputEncoding.UTF_8,
					new KnownCentres(centres), work, reject -> {
						if (finess.value().equals(reject.finess())) {
							rejects.add(reject);
						}
					});
			return aggregated.aggregates().getOrDefault(finess.value(), PatientAggregate.EMPTY);
		}
		finally {
			work.toFile().delete();
		}
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("cds-simulation");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Centre pick(List<Validated<Centre>> rows, Optional<String> finess) {
		List<Centre> accepted = rows.stream().filter(Validated::isAccepted).map(Validated::value).toList();
		if (finess.isPresent()) {
			Optional<Centre> centre = accepted.stream().filter(c -> c.finess().value().equals(finess.get())).findFirst();
			if (centre.isPresent()) {
				return centre.get();
			}
			String reasons = rows.stream()
				.flatMap(r -> r.rejects().stream())
				.filter(r -> finess.get().equals(r.finess()))
				.map(r -> r.field() + ": " + r.reason())
				.reduce((a, b) -> a + "; " + b)
				.orElse("not in the file");
			throw new InputFileException(InputFile.CENTRES.fileName(), 0, "centre " + finess.get() + ": " + reasons);
		}
		if (accepted.size() != 1) {
			throw new InputFileException(InputFile.CENTRES.fileName(), 0,
					accepted.size() + " centres accepted in the file: name the one to simulate with --finess");
		}
		return accepted.get(0);
	}

}
