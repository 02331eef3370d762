package fr.cds.remuneration.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.centre.Centre;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Contract;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.common.Checksums;
import fr.cds.remuneration.extract.ExtractProgress;
import fr.cds.remuneration.extract.AcceptedRowSink;
import fr.cds.remuneration.extract.ByteRange;
import fr.cds.remuneration.extract.KnownCentres;
import fr.cds.remuneration.extract.PatientExtractAggregator;
import fr.cds.remuneration.input.CentreRowValidator;
import fr.cds.remuneration.input.ContractRowValidator;
import fr.cds.remuneration.input.DeclarationAnswer;
import fr.cds.remuneration.input.DeclarationRowValidator;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.input.InputLimits;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.input.Validated;
import fr.cds.remuneration.input.ValidatedFile;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated inputs are deterministic and are valid inputs of the annual run. */
class NationalDataGeneratorTest {

	private static final RegionTable REGIONS = RegionTable.load();

	private static final ExerciceRules RULES_2024 = RuleSetRepository.load(RuleSetRepository.BUILT_IN)
		.rulesFor(2024, Optional.empty());

	@TempDir
	Path dir;

	@Test
	void theSameSeedGivesTheSameBytes() {
		var options = new NationalDataGenerator.Options(300, 20_000, 7, 0);
		new NationalDataGenerator(REGIONS).generate(this.dir.resolve("a"), RULES_2024, options);
		new NationalDataGenerator(REGIONS).generate(this.dir.resolve("b"), RULES_2024, options);
		for (InputFile file : InputFile.values()) {
			assertThat(Checksums.sha256(this.dir.resolve("b").resolve(file.fileName())))
				.isEqualTo(Checksums.sha256(this.dir.resolve("a").resolve(file.fileName())));
		}
		new NationalDataGenerator(REGIONS).generate(this.dir.resolve("c"), RULES_2024,
				new NationalDataGenerator.Options(300, 20_000, 8, 0));
		assertThat(Checksums.sha256(this.dir.resolve("c/patients.csv")))
			.isNotEqualTo(Checksums.sha256(this.dir.resolve("a/patients.csv")));
	}

	@Test
	void everyGeneratedRowIsAcceptedByTheRunsValidatorsButTheDeliberateBadOnes() throws Exception {
		var summary = new NationalDataGenerator(REGIONS).generate(this.dir, RULES_2024,
				new NationalDataGenerator.Options(400, 50_000, 11, 1000));
		assertThat(summary.centres()).isEqualTo(400);
		assertThat(summary.patientRows()).isEqualTo(50_000);

		List<Validated<Centre>> centres = ValidatedFile.read(this.dir.resolve("centres.csv"), InputFile.CENTRES,
				new CentreRowValidator(2024, REGIONS, InputLimits.defaults(), Set.of()));
		assertThat(centres).hasSize(400).allMatch(Validated::isAccepted);
		Map<String, CentreType> types = new HashMap<>();
		centres.forEach(c -> types.put(c.value().finess().value(), c.value().type()));
		assertThat(types.values().stream().collect(Collectors.toSet())).containsExactlyInAnyOrder(CentreType.values());

		List<Validated<DeclarationAnswer>> answers = ValidatedFile.read(this.dir.resolve("declarations.csv"),
				InputFile.DECLARATIONS, new DeclarationRowValidator(RULES_2024, types, Set.of()));
		assertThat(answers).hasSize((int) summary.declarationRows()).allMatch(Validated::isAccepted);

		List<Validated<Contract>> contracts = ValidatedFile.read(this.dir.resolve("contracts.csv"), InputFile.CONTRACTS,
				new ContractRowValidator(2024, RULES_2024.payments().contractKinds(), types, InputLimits.defaults(),
						Set.of()));
		assertThat(contracts).hasSize((int) summary.contractRows()).isNotEmpty().allMatch(Validated::isAccepted);

		List<Reject> rejects = new java.util.ArrayList<>();
		Path extract = this.dir.resolve("patients.csv");
		var aggregated = new PatientExtractAggregator(extract, InputEncoding.UTF_8).aggregate(
				new ByteRange(0, Files.size(extract)), new KnownCentres(types.keySet()), rejects::add, ExtractProgress.unwatched(),
				AcceptedRowSink.NONE);
		assertThat(aggregated.rowsRead()).isEqualTo(50_000);
		// 1,000 bad rows per million asked for: about 50 rows naming an unknown centre, nothing else
		assertThat(aggregated.rejected()).isBetween(20L, 90L);
		assertThat(rejects).allMatch(r -> r.reason().startsWith("centre inconnu"));
		assertThat(aggregated.accepted() + aggregated.rejected()).isEqualTo(50_000);
	}

}
