package fr.cds.remuneration.rules.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each file of {@code src/test/resources/rules/invalid} is the valid {@code minimal.yaml} with one
 * mistake (its first line says which); each is refused with exactly one message naming the file,
 * the line, the rule and the problem.
 */
class RuleSetValidationTest {

	private static final Path RULES = Path.of("src/test/resources/rules");

	@Test
	void theMinimalRuleSetIsValid() {
		RuleSet ruleSet = parse(RULES.resolve("minimal.yaml"));

		assertThat(ruleSet.reference()).isEqualTo("minimal@1");
		assertThat(ruleSet.neutralisations()).hasSize(1);
		assertThat(ruleSet.payments().all()).extracting(r -> r.code()).containsExactly("FORFAIT_MT", "SAS", "ASSISTANT");
		assertThat(ruleSet.payments().contractKinds()).containsExactly("ASSISTANT_MEDICAL");
		var plausibility = ruleSet.parameters().plausibility();
		assertThat(plausibility.actsPerFteDay().at(2021).orElseThrow().value()).isEqualByComparingTo("10");
		assertThat(plausibility.earliestAdhesion().at(2020).orElseThrow().value()).isEqualTo("2002-01-01");
		assertThat(plausibility.extractionLagDays().at(2021).orElseThrow().status().dataValue()).isEqualTo("placeholder");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			unknown-indicator-in-neutralisation.yaml | 38 | neutralisations  | unknown indicator 'HORAIRE'
			unknown-indicator-in-condition.yaml      | 45 | BONUS            | unknown indicator 'QUALITE' in a condition
			overlapping-validity.yaml                | 36 | HORAIRES.fixed   | overlapping validity: values dated 2020– (line 35) and 2021– both apply
			value-without-status.yaml                | 36 | HORAIRES.fixed   | value without status: add 'status: confirmed', 'analog' or 'placeholder'
			value-without-source.yaml                | 36 | HORAIRES.fixed   | value without source: add 'source: <key of the sources table>'
			missing-exercice.yaml                    | 35 | HORAIRES.fixed   | missing exercice: no value for [2021] (the rule applies 2020–2021)
			value-before-its-text.yaml               | 35 | HORAIRES.fixed   | dated 2020 but set by avenant, which governs exercices from 2021 only: a change must not apply before the text that made it
			socle-without-points.yaml                | 37 | PREVENTION       | socle indicator with no points and no gate meaning: add components, or 'gate_only: true' for a socle that only conditions payment
			socle-paying-zero.yaml                   | 37 | PREVENTION       | socle indicator with no points and no gate meaning: every amount is 0; use 'gate_only: true' for a socle that only conditions payment
			gate-only-not-socle.yaml                 | 37 | PREVENTION       | a gate-only indicator pays nothing, so it must be socle wherever it applies; it is not socle in [2021]
			condition-on-indicator-not-in-force.yaml | 58 | BONUS            | condition on QUALITE, which is in force 2021 only, in a rule that applies 2020–2021
			neutralised-twice.yaml                   | 39 | neutralisations  | indicator HORAIRES is neutralised twice for 2021: one decision per indicator and exercice
			categories-overlapping.yaml              | 40 | FORFAIT_MT.categories | in 2020, a patient aged 5, not in ALD, not C2S, seen falls in 2 categories [ENFANT, ADULTE]: every médecin-traitant patient must fall in exactly one category
			categories-leaving-patients-out.yaml     | 40 | FORFAIT_MT.categories | in 2020, a patient aged 80, not in ALD, not C2S, seen falls in no category: every médecin-traitant patient must fall in exactly one category
			payment-code-of-an-indicator.yaml        | 64 | HORAIRES         | code HORAIRES is also the code of an indicator: centres declare both in declarations.csv, so each code must name one thing
			two-medecin-traitant-forfaits.yaml       | 63 | medecin_traitant | overlapping validity: FORFAIT_MT and FORFAIT_BIS both apply in some exercice: one médecin-traitant forfait per exercice
			aid-without-years.yaml                   | 79 | ASSISTANT        | no contract year under years: give the amount of year 1 at least
			plausibility-without-status.yaml         | 25 | plausibility.acts_per_fte_day | value without status: add 'status: confirmed', 'analog' or 'placeholder'
			plausibility-bound-missing.yaml          | 24 | plausibility     | missing bound 'extraction_lag_days': give every bound, or none
			""")
	void eachKindOfMistakeIsRefusedWithAPreciseMessage(String file, int line, String rule, String problem) {
		Path path = RULES.resolve("invalid").resolve(file);
		RuleSetException refused = catchThrowableOfType(RuleSetException.class, () -> parse(path));

		assertThat(refused).as(file + " must be refused").isNotNull();
		assertThat(refused.problems()).containsExactly(new RuleProblem(file, line, rule, problem));
		assertThat(refused.getMessage()).contains(file + ":" + line + ": [" + rule + "] " + problem);
	}

	@Test
	void oneBadFileRefusesTheWholeDirectoryWithEveryProblemListed() {
		assertThatThrownBy(() -> RuleSetRepository.load(RULES.resolve("invalid").toString()))
			.isInstanceOf(RuleSetException.class)
			.satisfies(ex -> assertThat(((RuleSetException) ex).problems()).hasSize(19))
			.hasMessageContaining("Jeu de règles refusé (19 problèmes)")
			.hasMessageContaining("missing-exercice.yaml:35: [HORAIRES.fixed] missing exercice");
	}

	private static RuleSet parse(Path path) {
		try {
			return new RuleSetParser().parse(path.toString(), Files.readAllBytes(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
