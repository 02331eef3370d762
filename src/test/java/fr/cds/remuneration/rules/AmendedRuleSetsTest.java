package fr.cds.remuneration.rules;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.load.RuleProblem;
import fr.cds.remuneration.rules.describe.RulesReport;
import fr.cds.remuneration.rules.model.ComponentValue;
import fr.cds.remuneration.rules.model.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Amendment files over a base rule set: the merged result is the rule set one would have written
 * by hand in full, every problem names the amendment's file and line, and a directory holding a
 * base and its amendments offers one rule set per version.
 */
class AmendedRuleSetsTest {

	static final String TEST_RULES = "src/test/resources/reprocess/rulesets";

	@TempDir
	Path temp;

	private static RuleSet base() {
		return RuleSetRepository.load(TEST_RULES).all().stream()
			.filter(r -> r.reference().equals("accord-2015@2026.1"))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Amendment B, and the same avenant written by hand into a full copy of the base (the way the
	 * test rule sets were kept before): `rules show` prints the same thing for every exercice.
	 */
	@Test
	void anAmendmentGivesTheRuleSetWrittenInFull() throws IOException {
		RuleSet amended = AmendedRuleSets.apply(base(), List.of(Path.of(TEST_RULES, "accord-2015-B.yaml")));

		String full = Files.readString(Path.of(TEST_RULES, "accord-2015-A.yaml"))
			.replace("version: \"2026.1\"", "version: \"2026.2\"")
			.replace("  CPAM-CAI-COSCO:", "  TEST-AV6: \"Avenant 6 fictif (données de test)\"\n  CPAM-CAI-COSCO:")
			.replace("          - {from: 2016, points: 800, status: analog, source: ACI, text: accord-2015}",
					"          - {from: 2016, to: 2023, points: 800, status: analog, source: ACI, text: accord-2015}\n"
							+ "          - {from: 2024, points: 900, status: confirmed, source: TEST-AV6, text: avenant-6}")
			.replace("          - {from: 2016, points: 500, status: confirmed, source: FED-AV5-2023, text: accord-2015}",
					"          - {from: 2016, to: 2023, points: 500, status: confirmed, source: FED-AV5-2023, text: accord-2015}\n"
							+ "          - {from: 2024, points: 300, status: confirmed, source: TEST-AV6, text: avenant-6}")
			.replace("source: AMELI-AV5}\n\nparameters:", "source: AMELI-AV5}\n"
					+ "  - {id: avenant-6, title: \"Avenant 6\", signed: 2025-11-20, approved: 2026-01-10, published: 2026-01-15, first_exercice: 2024, status: confirmed, source: TEST-AV6}\n\nparameters:");
		Files.writeString(this.temp.resolve("accord-2015.yaml"), full);
		RuleSet written = RuleSetRepository.load(this.temp.toString()).all().get(0);

		assertThat(amended.reference()).isEqualTo("accord-2015@2026.2");
		assertThat(amended.sources()).isEqualTo(written.sources());
		assertThat(amended.texts()).isEqualTo(written.texts());
		for (int exercice = 2016; exercice <= 2025; exercice++) {
			assertThat(show(amended, exercice)).as("exercice %d", exercice).isEqualTo(show(written, exercice));
		}
		// and by hand: 800 points until 2023, 900 from 2024
		assertThat(fixedPoints(amended, "ACCES_HORAIRES", 2023)).isEqualByComparingTo("800");
		assertThat(fixedPoints(amended, "ACCES_HORAIRES", 2024)).isEqualByComparingTo("900");
		assertThat(amended.layers()).hasSize(2);
		assertThat(amended.sha256()).isNotEqualTo(base().sha256());
	}

	/** A directory with A and the amendments B (over A) and C (over B) offers the three versions. */
	@Test
	void aDirectoryOffersTheBaseAndEveryAmendedVersion() {
		RuleSetRepository repository = RuleSetRepository.load(TEST_RULES);

		assertThat(repository.all()).extracting(RuleSet::reference)
			.contains("accord-2015@2026.1", "accord-2015@2026.2", "accord-2015@2026.3");
		RuleSet c = repository.forExercice(2024, Optional.of("accord-2015@2026.3"));
		assertThat(fixedPoints(c, "CRISE_PLAN", 2023)).isEqualByComparingTo("100");
		assertThat(fixedPoints(c, "CRISE_PLAN", 2024)).isEqualByComparingTo("150");
		// C keeps B's change
		assertThat(fixedPoints(c, "ACCES_HORAIRES", 2024)).isEqualByComparingTo("900");
		assertThat(c.layers()).hasSize(3);
	}

	/** A value set for a closed period splits the value it falls in: before, itself, after. */
	@Test
	void aValueForAPeriodSplitsTheValueItFallsIn() throws IOException {
		Path amendment = write("split.yaml", """
				amends: accord-2015@2026.1
				version: "2026.9"
				changes:
				  - set: indicators/ACCES_HORAIRES/components/1/values
				    value: {from: 2020, to: 2021, points: 850, status: placeholder, source: NONE, text: avenant-3}
				""");

		RuleSet amended = AmendedRuleSets.apply(base(), List.of(amendment));

		assertThat(fixedPoints(amended, "ACCES_HORAIRES", 2019)).isEqualByComparingTo("800");
		assertThat(fixedPoints(amended, "ACCES_HORAIRES", 2020)).isEqualByComparingTo("850");
		assertThat(fixedPoints(amended, "ACCES_HORAIRES", 2021)).isEqualByComparingTo("850");
		assertThat(fixedPoints(amended, "ACCES_HORAIRES", 2022)).isEqualByComparingTo("800");
	}

	/** Ending an indicator: it is no longer in force after the last exercice, its values closed. */
	@Test
	void anEndedIndicatorIsNoLongerInForce() throws IOException {
		Path amendment = write("end.yaml", """
				amends: accord-2015@2026.1
				version: "2026.9"
				changes:
				  - end: indicators/PARCOURS_OBESITE
				    last: 2023
				    text: avenant-5
				    status: placeholder
				    source: NONE
				""");

		RuleSet amended = AmendedRuleSets.apply(base(), List.of(amendment));

		assertThat(ExerciceRules.resolve(amended, 2023).indicators()).anyMatch(i -> i.code().equals("PARCOURS_OBESITE"));
		assertThat(ExerciceRules.resolve(amended, 2024).indicators()).noneMatch(i -> i.code().equals("PARCOURS_OBESITE"));
	}

	/** Ending an indicator drops its components that would only start later (PROTOCOLES' two of 2022). */
	@Test
	void endingAnIndicatorDropsTheComponentsThatStartLater() throws IOException {
		Path amendment = write("end-protocols.yaml", """
				amends: accord-2015@2026.1
				version: "2026.9"
				changes:
				  - {end: indicators/PROTOCOLES, last: 2021, text: avenant-3, status: placeholder, source: NONE}
				""");

		RuleSet amended = AmendedRuleSets.apply(base(), List.of(amendment));

		assertThat(amended.indicator("PROTOCOLES").orElseThrow().components()).hasSize(1);
		assertThat(fixedPoints(amended, "PROTOCOLES", 2021)).isEqualByComparingTo("100");
		assertThat(ExerciceRules.resolve(amended, 2022).indicators()).noneMatch(i -> i.code().equals("PROTOCOLES"));
	}

	/**
	 * Every problem names the amendment's file and line: its own problems first (a path naming
	 * nothing), then, once it applies, those of the merged rule set (a value without status).
	 */
	@Test
	void problemsNameTheAmendmentsFileAndLine() throws IOException {
		Path wrongPath = write("wrong-path.yaml", """
				amends: accord-2015@2026.1
				version: "2026.9"
				changes:
				  - set: indicators/NO_SUCH_INDICATOR/values
				    value: {from: 2024, points: 1, status: confirmed, source: NONE, text: accord-2015}
				""");
		Path noStatus = write("no-status.yaml", """
				amends: accord-2015@2026.1
				version: "2026.9"
				# the value below has no status
				changes:
				  - set: indicators/ACCES_HORAIRES/components/fixed/values
				    value: {from: 2024, points: 900, source: NONE, text: accord-2015}
				""");

		assertThat(problems(wrongPath)).containsExactly(
				"wrong-path.yaml:4: [changes] rien à 'indicators/NO_SUCH_INDICATOR' dans le jeu de règles modifié");
		assertThat(problems(noStatus)).singleElement()
			.asString()
			.startsWith("no-status.yaml:6: [ACCES_HORAIRES.fixed] valeur sans statut");
	}

	private static List<String> problems(Path amendment) {
		try {
			AmendedRuleSets.apply(base(), List.of(amendment));
			throw new AssertionError("accepted: " + amendment);
		}
		catch (RuleSetException ex) {
			return ex.problems().stream().map(RuleProblem::toString).toList();
		}
	}

	@Test
	void anAmendmentOfAnotherVersionIsRefused() throws IOException {
		Path amendment = write("wrong-base.yaml", """
				amends: accord-2015@2025.9
				version: "2026.9"
				""");

		assertThatThrownBy(() -> AmendedRuleSets.apply(base(), List.of(amendment)))
			.isInstanceOfSatisfying(RuleSetException.class, ex -> assertThat(ex.problems())
				.extracting(RuleProblem::toString)
				.containsExactly("wrong-base.yaml:1: [amends] ce fichier modifie accord-2015@2025.9 mais est appliqué sur accord-2015@2026.1"));
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.temp.resolve(name), content);
	}

	private static String show(RuleSet ruleSet, int exercice) {
		return RulesReport.exercice(ExerciceRules.resolve(ruleSet, exercice)).replaceAll("fichier [^)]*\\)", "fichier)");
	}

	private static BigDecimal fixedPoints(RuleSet ruleSet, String code, int exercice) {
		var indicator = ExerciceRules.resolve(ruleSet, exercice).indicators().stream()
			.filter(i -> i.code().equals(code))
			.findFirst()
			.orElseThrow();
		return ((ComponentValue.Fixed) indicator.components().get(0).value().value()).amount();
	}

}
