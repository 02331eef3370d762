package fr.cds.remuneration.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.cds.remuneration.rules.load.RuleSetParser;
import fr.cds.remuneration.rules.model.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each kind of mistake in a rule-set file is refused before any computation, with the file, the
 * line, the rule and the problem. Every file of {@code rules/invalid} is {@code rules/valid/minimal.yaml}
 * with one mistake (its first line says which), so each must give exactly one problem.
 */
class RuleSetValidationTest {

	private static final Path RULES = Path.of("src/test/resources/rules");

	private static final Path MINIMAL = RULES.resolve("valid/minimal.yaml");

	@Test
	void theMinimalRuleSetIsValid() throws IOException {
		RuleSet ruleSet = parse(MINIMAL);

		assertThat(ruleSet.reference()).isEqualTo("test@1");
		assertThat(ruleSet.indicators()).hasSize(4);
		assertThat(ruleSet.neutralisations()).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown-indicator-in-condition.yaml      | unknown-indicator-in-condition.yaml:60: [ALLER_VERS] unknown indicator 'PUBLIC' in a condition
			unknown-indicator-in-neutralisation.yaml | unknown-indicator-in-neutralisation.yaml:75: [neutralisations] unknown indicator 'HORAIRE'
			overlapping-validity.yaml                | overlapping-validity.yaml:38: [HORAIRES.fixed] overlapping validity: values dated 2022–2023 (line 37) and 2023– both apply
			value-without-status.yaml                | value-without-status.yaml:37: [HORAIRES.fixed] value without status: add 'status: confirmed', 'analog' or 'placeholder'
			value-without-source.yaml                | value-without-source.yaml:47: [PUBLICS.socle] value without source: add 'source:' with a key of the sources table
			socle-without-points.yaml                | socle-without-points.yaml:65: [PREVENTION] socle indicator with no points and no gate meaning: add components or 'gate_only: true'
			socle-with-zero-points.yaml              | socle-with-zero-points.yaml:26: [HORAIRES] socle indicator with no points and no gate meaning: every amount is 0; give its amounts or declare it 'gate_only: true'
			gate-only-not-socle.yaml                 | gate-only-not-socle.yaml:65: [PREVENTION] a gate-only indicator pays nothing, so it must be socle in every exercice it applies; it is not socle in 2023–
			missing-exercice.yaml                    | missing-exercice.yaml:37: [HORAIRES.fixed] missing exercice: no value for [2023] (the rule applies 2022–2024)
			value-before-its-text.yaml               | value-before-its-text.yaml:37: [HORAIRES.fixed] value dated 2022–2023 is set by avenant, which governs exercices from 2024 only
			indicator-defined-twice.yaml             | indicator-defined-twice.yaml:52: [PUBLICS] indicator defined twice (first at line 39)
			condition-on-indicator-not-in-force.yaml | condition-on-indicator-not-in-force.yaml:60: [ALLER_VERS] condition on PUBLICS, which applies 2022–2023 only, in a rule that applies 2024
			""")
	void eachMistakeIsRefusedWithItsFileLineRuleAndProblem(String file, String expected) {
		assertThatThrownBy(() -> parse(RULES.resolve("invalid").resolve(file))).isInstanceOfSatisfying(
				RuleSetException.class,
				ex -> assertThat(ex.problems()).extracting(RuleProblem::toString).containsExactly(expected));
	}

	@Test
	void oneBadFileRefusesTheWholeDirectoryAndEveryProblemIsReported() throws IOException {
		long files;
		try (var list = Files.list(RULES.resolve("invalid"))) {
			files = list.count();
		}
		assertThatThrownBy(() -> RuleSetRepository.load(RULES.resolve("invalid").toString()))
			.isInstanceOfSatisfying(RuleSetException.class,
					ex -> assertThat(ex.problems()).hasSize((int) files))
			.hasMessageStartingWith("Rule set refused (12 problems):");
	}

	@Test
	void aGapBetweenTwoAccordsIsAMissingExercice(@TempDir Path directory) throws IOException {
		Files.copy(MINIMAL, directory.resolve("test.yaml"));
		writeShifted(directory.resolve("test-next.yaml"), 4);

		assertDirectoryRefused(directory, "test-next.yaml: [exercices] missing exercice: no rule set covers 2025"
				+ " (test covers 2022–2024 and test-next covers 2026–2028)");
	}

	@Test
	void twoAccordsCoveringTheSameExerciceAreRefused(@TempDir Path directory) throws IOException {
		Files.copy(MINIMAL, directory.resolve("test.yaml"));
		writeShifted(directory.resolve("test-next.yaml"), 2);

		assertDirectoryRefused(directory, "test-next.yaml: [exercices] overlapping validity: test covers 2022–2024"
				+ " and test-next covers 2024–2026");
	}

	@Test
	void twoFilesWithTheSameEditionAreRefused(@TempDir Path directory) throws IOException {
		Files.copy(MINIMAL, directory.resolve("a.yaml"));
		Files.copy(MINIMAL, directory.resolve("b.yaml"));

		assertDirectoryRefused(directory,
				"b.yaml: [ruleset] rule set test@1 is also defined in a.yaml: give each edition its own version");
	}

	@Test
	void twoEditionsOfOneAccordMayCoverTheSameExercices(@TempDir Path directory) throws IOException {
		Files.copy(MINIMAL, directory.resolve("a.yaml"));
		Files.writeString(directory.resolve("b.yaml"),
				Files.readString(MINIMAL).replace("version: \"1\"", "version: \"2\""));

		RuleSetRepository repository = RuleSetRepository.load(directory.toString());

		assertThat(repository.forExercice(2023, Optional.empty()).reference()).isEqualTo("test@2");
	}

	private static void assertDirectoryRefused(Path directory, String problem) {
		assertThatThrownBy(() -> RuleSetRepository.load(directory.toString())).isInstanceOfSatisfying(
				RuleSetException.class,
				ex -> assertThat(ex.problems()).extracting(RuleProblem::toString).containsExactly(problem));
	}

	/** The minimal rule set as another accord ({@code test-next}), every year moved by {@code years}. */
	private static void writeShifted(Path target, int years) throws IOException {
		String content = Files.readString(MINIMAL).replace("ruleset: test", "ruleset: test-next");
		for (int year = 2024; year >= 2021; year--) {
			content = content.replace(String.valueOf(year), String.valueOf(year + years));
		}
		Files.writeString(target, content);
	}

	private static RuleSet parse(Path file) throws IOException {
		return new RuleSetParser().parse(file.toString(), Files.readAllBytes(file));
	}

}
