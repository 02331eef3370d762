package fr.cds.remuneration.simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.extract.MedecinTraitantProfile;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.extract.KnownCentres;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.extract.PatientExtract;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.extract.PopulationCounts;
import fr.cds.remuneration.input.CentreRowValidator;
import fr.cds.remuneration.input.ContractRowValidator;
import fr.cds.remuneration.input.CsvRow;
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
 * either a patient-count summary or the extract itself ({@code simulate}), or from the same values
 * typed in the web calculette ({@link #estimate}), with the validators and the engine of the
 * annual run, so that the same inputs give the same amount. Touches neither the database nor the
 * ledger.
 */
@Component
public class CentreSimulation {

	/** A well-formed FINESS to check the answers of a centre whose own FINESS is refused. */
	private static final String STAND_IN_FINESS = "750000002";

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
	 * @param contracts a contracts.csv holding the centre's contracts, or empty (no contract aid)
	 */
	public record Request(int exercice, Path centres, Path declarations, Optional<Path> patientCounts,
			Optional<Path> patients, Optional<String> finess, String rulesLocation, Optional<String> ruleSet,
			LocalDate extractionDate, Optional<Path> contracts) {
	}

	/** The explained result, and the centre's rows that were rejected (not taken into account). */
	public record Simulation(CentreResult result, List<Reject> rejects) {
	}

	/**
	 * A value of {@link CentreValues} that cannot be taken, and why (in French).
	 *
	 * @param name the value's name: a centres.csv column, an indicator code, or a count's
	 * {@link CentreValues#countName name}
	 */
	public record Refusal(String name, String value, String reason) {
	}

	/**
	 * The computation of typed values: the inputs the engine was given and its result, or, when any
	 * value is refused, every refusal and nothing computed.
	 */
	public record Estimate(CentreInputs inputs, CentreResult result, List<Refusal> refusals) {

		public boolean computed() {
			return this.result != null;
		}

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
		List<Contract> contracts = new ArrayList<>();
		if (request.contracts().isPresent()) {
			for (Validated<Contract> contract : ValidatedFile.read(request.contracts().get(), InputFile.CONTRACTS,
					new ContractRowValidator(request.exercice(), rules.payments().contractKinds(), types, this.limits,
							Set.of()))) {
				if (contract.isAccepted() && contract.value().finess().equals(finess)) {
					contracts.add(contract.value());
				}
				contract.rejects().stream().filter(r -> finess.value().equals(r.finess())).forEach(rejects::add);
			}
		}
		PatientAggregate patients = patients(request, finess, types.keySet(), rejects);
		CentreResult result = new RemunerationEngine().compute(rules,
				new CentreInputs(centre, new Declaration(finess, declared), patients, request.extractionDate(),
						rejects.size(), contracts));
		return new Simulation(result, List.copyOf(rejects));
	}

	/**
	 * Computes one centre from typed values, each checked by the validator the annual run applies to
	 * the same value in its input files; a refused value is reported, never left out silently.
	 */
	public Estimate estimate(ExerciceRules rules, CentreValues values) {
		List<Refusal> refusals = new ArrayList<>();
		Validated<Centre> centre = new CentreRowValidator(rules.exercice(), this.regions, this.limits, Set.of())
			.process(row(InputFile.CENTRES, 2, fteLeftEmptyAtZero(values.centre())));
		centre.rejects().forEach(r -> refusals.add(new Refusal(r.field(), r.value(), r.reason())));
		Map<String, String> declared = new HashMap<>();
		Optional<CentreType> type = CentreType.fromFileValue(values.centre().getOrDefault("type", ""));
		if (type.isPresent()) {
			// the answers are checked even when the centre is refused, so that every problem shows at
			// once; their rows name the centre by its FINESS, or by a stand-in when it has none
			String finess = Finess.parse(values.centre().get("finess")).map(Finess::value).orElse(STAND_IN_FINESS);
			DeclarationRowValidator validator = new DeclarationRowValidator(rules, Map.of(finess, type.get()),
					Set.of());
			long line = 1;
			for (Map.Entry<String, String> answer : new TreeMap<>(values.answers()).entrySet()) {
				Validated<DeclarationAnswer> row = validator.process(row(InputFile.DECLARATIONS, ++line,
						Map.of("finess", finess, "exercice", String.valueOf(rules.exercice()), "indicateur",
								answer.getKey(), "valeur", answer.getValue())));
				row.rejects().forEach(r -> refusals.add(new Refusal(answer.getKey(), r.value(), r.reason())));
				if (row.isAccepted()) {
					declared.put(row.value().indicator(), row.value().value());
				}
			}
		}
		Map<Population, PopulationCounts> lists = new EnumMap<>(Population.class);
		Map<Population, Long> sizes = new EnumMap<>(Population.class);
		values.counts().forEach((population, counts) -> {
			PatientCounts.Checked checked = PatientCounts.check(population, c -> counts.getOrDefault(c, "0"));
			checked.problems().forEach(p -> refusals.add(refusal(p)));
			if (checked.counts() != null) {
				lists.put(population, checked.counts());
			}
			if (checked.patients() != null) {
				sizes.put(population, checked.patients());
			}
		});
		PatientCounts.checkLists(sizes).ifPresent(p -> refusals.add(refusal(p)));
		MedecinTraitantProfile profile = medecinTraitant(rules, values,
				Optional.ofNullable(lists.get(Population.MEDECIN_TRAITANT)).map(PopulationCounts::c2s), refusals);
		List<Contract> contracts = contracts(rules, values, type, refusals);
		if (!refusals.isEmpty() || !centre.isAccepted()) {
			return new Estimate(null, null, List.copyOf(refusals));
		}
		CentreInputs inputs = new CentreInputs(centre.value(), new Declaration(centre.value().finess(), declared),
				new PatientAggregate(0, lists, Map.of(), profile), null, 0, contracts);
		CentreResult result = new RemunerationEngine().compute(rules, inputs);
		return new Estimate(inputs, NotEstimated.mark(result, rules, values), List.of());
	}

	/** The médecin-traitant patients typed by category, or {@code null} when none are given or they are refused. */
	private static MedecinTraitantProfile medecinTraitant(ExerciceRules rules, CentreValues values,
			Optional<Long> c2sPatients, List<Refusal> refusals) {
		if (values.medecinTraitant().isEmpty() || rules.payments().medecinTraitant().isEmpty()) {
			return null;
		}
		MedecinTraitantCounts.Checked checked = MedecinTraitantCounts.check(rules.payments().medecinTraitant().get(),
				values.medecinTraitant().get(), c2sPatients);
		refusals.addAll(checked.refusals());
		return checked.profile();
	}

	/** The contracts typed, each checked by the run's validator of contracts.csv. */
	private List<Contract> contracts(ExerciceRules rules, CentreValues values, Optional<CentreType> type,
			List<Refusal> refusals) {
		List<Contract> contracts = new ArrayList<>();
		if (values.contracts().isEmpty() || type.isEmpty()) {
			return contracts;
		}
		String finess = Finess.parse(values.centre().get("finess")).map(Finess::value).orElse(STAND_IN_FINESS);
		ContractRowValidator validator = new ContractRowValidator(rules.exercice(), rules.payments().contractKinds(),
				Map.of(finess, type.get()), this.limits, Set.of());
		int index = 0;
		for (Map<String, String> contract : values.contracts().get()) {
			index++;
			Map<String, String> row = new HashMap<>(contract);
			row.put("finess", finess);
			Validated<Contract> validated = validator.process(row(InputFile.CONTRACTS, index + 1L, row));
			for (Reject reject : validated.rejects()) {
				refusals.add(new Refusal(CentreValues.contractName(index, reject.field()), reject.value(),
						reject.reason()));
			}
			if (validated.isAccepted()) {
				contracts.add(validated.value());
			}
		}
		return contracts;
	}

	private static Refusal refusal(PatientCounts.Problem problem) {
		return new Refusal(CentreValues.countName(problem.column(), problem.population()), problem.value(),
				problem.reason());
	}

	/**
	 * The calculette asks only the FTE the rules of the exercice read: a profession not asked, or a
	 * field left empty, employs no one. centres.csv itself refuses an empty FTE cell (a file is
	 * complete or it is wrong); a form is not a file.
	 */
	private static Map<String, String> fteLeftEmptyAtZero(Map<String, String> centre) {
		Map<String, String> filled = new HashMap<>(centre);
		for (String column : InputFile.CENTRES.columns()) {
			if (column.startsWith("etp_") && filled.getOrDefault(column, "").isBlank()) {
				filled.put(column, "0");
			}
		}
		return filled;
	}

	/** A row of {@code layout} holding {@code values} by column, as the file reader would give it. */
	private static CsvRow row(InputFile layout, long line, Map<String, String> values) {
		Map<String, Integer> columns = new HashMap<>();
		String[] fields = new String[layout.columns().size()];
		for (int i = 0; i < fields.length; i++) {
			String column = layout.columns().get(i);
			columns.put(column, i);
			fields[i] = values.getOrDefault(column, "");
		}
		return new CsvRow(layout.fileName(), line, columns, fields, true);
	}

	private PatientAggregate patients(Request request, Finess finess, Set<String> centres, List<Reject> rejects) {
		if (request.patientCounts().isPresent()) {
			return PatientCountsFile.read(request.patientCounts().get(), finess);
		}
		if (request.patients().isEmpty()) {
			throw new InputFileException("patients", 0, "donnez un résumé des nombres de patients ou l'extraction patients");
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
				.map(r -> r.field() + " : " + r.reason())
				.reduce((a, b) -> a + " ; " + b)
				.orElse("absent du fichier");
			throw new InputFileException(InputFile.CENTRES.fileName(), 0, "centre " + finess.get() + " : " + reasons);
		}
		if (accepted.size() != 1) {
			throw new InputFileException(InputFile.CENTRES.fileName(), 0,
					accepted.size() + " centres acceptés dans le fichier : désignez celui à simuler avec --finess");
		}
		return accepted.get(0);
	}

}
