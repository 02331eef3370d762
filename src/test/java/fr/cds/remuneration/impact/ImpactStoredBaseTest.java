package fr.cds.remuneration.impact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The « before » side of an impact is read from the results the exercice stored when they were
 * computed under the very base rules, instead of being computed again: checked here against the
 * engine's own computation over the same snapshot, result by result and report by report (the
 * small exercice 2024 of ImpactFunctionalTest, paid under rule set A).
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:impact-stored-base",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
class ImpactStoredBaseTest {

	@Autowired
	AnnualRunLauncher annual;

	@Autowired
	ImpactService impact;

	@Autowired
	ImpactSnapshotReader snapshots;

	@Autowired
	StoredBaseReader storedBase;

	@Autowired
	RuleSetCatalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path output;

	@BeforeEach
	void payTheExerciceUnderRuleSetA() {
		RunTables.empty(this.jdbc);
		JobOutcome paid = this.annual.launch(new AnnualRunLauncher.Request(2024, ImpactFunctionalTest.SMALL_INPUT,
				this.output, ImpactFunctionalTest.RULES, Optional.of("accord-2015@2026.1"), LocalDate.of(2025, 2, 14)));
		assertThat(paid.exitCode()).as(paid.message()).isEqualTo(ExitCode.OK);
	}

	@Test
	void theStoredBaseResultsAreWhatTheEngineComputesAgainFromTheSnapshot() {
		ImpactSnapshot snapshot = this.snapshots.read(2024).orElseThrow();
		RuleSet baseSet = this.catalog.repository(ImpactFunctionalTest.RULES)
			.forExercice(2024, Optional.of("accord-2015@2026.1"));
		ExerciceRules base = ExerciceRules.resolve(baseSet, 2024);
		Draft draft = new Draft("projet-d", ImpactFunctionalTest.DRAFT_D,
				ExerciceRules.resolve(new DraftFiles().load(ImpactFunctionalTest.DRAFT_D, baseSet), 2024));

		Map<String, CentreResult> stored = this.storedBase.read(snapshot, baseSet);
		List<CentreImpact> read = ImpactComputation.compute(snapshot.centres(), snapshot::of, base, List.of(draft), stored)
			.get(0)
			.centres();
		List<CentreImpact> computed = ImpactComputation
			.compute(snapshot.centres(), snapshot::of, base, List.of(draft), Map.of())
			.get(0)
			.centres();

		assertThat(stored).as("every centre of the snapshot has a stored result under A").hasSize(4)
			.containsOnlyKeys(snapshot.centres());
		for (int i = 0; i < computed.size(); i++) {
			assertThat(read.get(i).before()).as(computed.get(i).finess()).isEqualTo(computed.get(i).before());
			assertThat(read.get(i).after()).isEqualTo(computed.get(i).after());
		}
	}

	@Test
	void theBaseIsReadWhenItsRulesAreTheRunsAndComputedAgainWhenTheRuleFileChanged() throws IOException {
		ImpactService.Outcome read = this.impact.run(new ImpactService.Request(2024,
				List.of(ImpactFunctionalTest.DRAFT_D), Optional.empty(), Optional.empty(), Optional.empty(), this.output,
				Optional.of("read")));
		// the same rule set, id and version, in a file whose checksum differs: not what the run used
		Path rules = Files.createDirectories(this.output.resolve("rules"));
		Files.writeString(rules.resolve("accord-2015-A.yaml"),
				Files.readString(Path.of(ImpactFunctionalTest.RULES, "accord-2015-A.yaml")) + "\n# copie\n");
		ImpactService.Outcome computed = this.impact.run(new ImpactService.Request(2024,
				List.of(ImpactFunctionalTest.DRAFT_D), Optional.empty(), Optional.of(rules.toString()), Optional.empty(),
				this.output, Optional.of("computed")));

		assertThat(read.status()).as(read.message()).isEqualTo(ImpactService.Status.DONE);
		assertThat(computed.status()).as(computed.message()).isEqualTo(ImpactService.Status.DONE);
		assertThat(read.message()).contains("4 stored base results read", "0 under the base");
		assertThat(computed.message()).contains("0 stored base results read", "4 under the base");
		for (String file : List.of("centres.csv", "totals.csv", "distribution.csv", "synthese.txt")) {
			assertThat(this.output.resolve("impact/read/" + file)).as(file)
				.hasSameTextualContentAs(this.output.resolve("impact/computed/" + file));
		}
	}

}
