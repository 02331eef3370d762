package fr.cds.remuneration.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceComponent;
import fr.cds.remuneration.rules.ExerciceRules.ExerciceIndicator;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.Resolved;
import fr.cds.remuneration.rules.model.ValueStatus;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' {@code rules} command on the shipped rule sets. */
class RulesCommandTest {

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	private int run(String... args) {
		CommandLine commandLine = new CommandLine(new RulesCommand());
		commandLine.setOut(new PrintWriter(this.out));
		commandLine.setErr(new PrintWriter(this.err));
		return commandLine.execute(args);
	}

	private List<String> lines() {
		return Arrays.asList(this.out.toString().split("\\R"));
	}

	@Test
	void showFor2023ListsSasEffectionAsNotInForce() {
		assertThat(run("show", "--exercice", "2023")).isZero();

		List<String> lines = lines();
		int inForce = lines.indexOf("INDICATORS IN FORCE IN 2023 (27)");
		int notInForce = lines.indexOf("NOT IN FORCE IN 2023 (3)");
		assertThat(inForce).isPositive();
		assertThat(notInForce).isGreaterThan(inForce);
		assertThat(lines.subList(inForce, notInForce)).noneMatch(l -> l.contains("SAS_EFFECTION"));
		assertThat(lines.subList(notInForce, lines.size()))
			.contains("  SAS_EFFECTION (in force 2022): Effection des demandes régulées par le SAS");
		assertThat(lines).contains("Latest text: avenant-5 — Avenant 5 (signed 2023-11-30, approved 2024-02-06,"
				+ " published 2024-03-15, governs exercices from 2023)");
		// CRISE_PLAN is socle from 2023 (confirmed): not marked
		assertThat(lines).containsSubsequence("  CRISE_PLAN (in force 2022–2025): Plan de préparation aux crises"
				+ " sanitaires graves; types M P D I; answer yes_no; text avenant-4",
				"      socle: yes  [confirmed · FED-AV5-2023 · avenant-4]",
				"!     fixed: 100 pts  [placeholder · DRAFT-AV4 · avenant-4]");
	}

	/**
	 * Every value that is not confirmed is marked, and no confirmed one: the count of marked lines
	 * equals the count of non-confirmed values the engine resolves for 2023, found here by walking
	 * {@link ExerciceRules} (not the command's own listing).
	 */
	@Test
	void showFor2023MarksEveryValueThatIsNotConfirmedAndNoOther() {
		assertThat(run("show", "--exercice", "2023")).isZero();

		List<String> values = lines().stream().filter(l -> l.matches(".*\\[(confirmed|analog|placeholder) · .*\\]$")).toList();
		assertThat(values).filteredOn(l -> l.contains("[confirmed")).allMatch(l -> l.startsWith(" "));
		assertThat(values).filteredOn(l -> !l.contains("[confirmed")).allMatch(l -> l.startsWith("! "));
		List<ValueStatus> resolved = statusesResolvedFor(2023);
		long marked = lines().stream().filter(l -> l.startsWith("!")).count();
		assertThat(marked).isEqualTo(provisional(resolved));
		assertThat(lines()).contains(summary(resolved));
	}

	@Test
	void provisionalListsExactlyTheValuesThatAreNotConfirmed() {
		assertThat(run("provisional", "--exercice", "2023")).isZero();

		List<String> lines = lines();
		List<ValueStatus> resolved = statusesResolvedFor(2023);
		assertThat(lines.get(0)).isEqualTo("accord-2015@2026.1, exercice 2023: " + summary(resolved));
		List<String> listed = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
		assertThat(listed).hasSize((int) provisional(resolved)).allMatch(l -> l.startsWith("! "));
		assertThat(listed).contains("! parameter point_value_eur (2016–2025): 7 €  [analog · ACI-POINT · accord-2015]");
	}

	@Test
	void diffOf2022And2023ShowsTheDeletionOfSasEffectionAndTheNewSocle() {
		assertThat(run("diff", "2022", "2023")).isZero();

		assertThat(lines()).containsSubsequence(
				"Rules of exercice 2022 under accord-2015@2026.1 (latest text avenant-4)",
				"   → exercice 2023 under accord-2015@2026.1 (latest text avenant-5)",
				"~ CRISE_PLAN socle: no  [confirmed · FED-AV5-2023 · avenant-4]",
				"    → yes  [confirmed · FED-AV5-2023 · avenant-4]",
				"- SAS_EFFECTION in force: Effection des demandes régulées par le SAS; types M P; answer yes_no;"
						+ " text avenant-4",
				"2 differences.");
	}

	/** Operations publish the official point value as a new edition and compare it with the shipped one. */
	@Test
	void diffOfTwoEditionsShowsTheValueOperationsChanged(@TempDir Path directory) throws IOException {
		String shipped = Files.readString(Path.of("src/main/resources/rulesets/accord-2015.yaml"));
		String edited = shipped.replace("version: \"2026.1\"", "version: \"2026.2\"")
			.replace("- {from: 2016, value: 7, status: analog, source: ACI-POINT, text: accord-2015}",
					"- {from: 2016, value: 7.5, status: confirmed, source: AMELI-AV5, text: accord-2015}");
		assertThat(edited).contains("7.5, status: confirmed");
		Files.writeString(directory.resolve("accord-2015.yaml"), edited);

		assertThat(run("diff", "2024:accord-2015@2026.1", "2024:accord-2015@2026.2", "--against-rules",
				directory.toString())).isZero();

		assertThat(lines()).containsSubsequence("~ parameter point_value_eur: 7 €  [analog · ACI-POINT · accord-2015]",
				"    → 7.5 €  [confirmed · AMELI-AV5 · accord-2015]", "1 difference.");
	}

	@Test
	void textsGiveTheDatesOfEveryAccordAndAvenant() {
		assertThat(run("texts")).isZero();

		assertThat(lines()).containsSubsequence("! avenant-4 — Avenant 4",
				"      signed 2022-04-14, approved 2022-06-21, published 2022-10-05; governs exercices from 2022"
						+ "  [placeholder · AMELI-AV4 · avenant-4]",
				"  avenant-5 — Avenant 5",
				"      signed 2023-11-30, approved 2024-02-06, published 2024-03-15; governs exercices from 2023"
						+ "  [confirmed · AMELI-AV5 · avenant-5]",
				"accord-2025@2026.1 — Accord national des centres de santé du 28 août 2025");
	}

	@Test
	void anInvalidRuleDirectoryIsRefusedWithExitCode4AndItsProblems() {
		assertThat(run("show", "--exercice", "2023", "--rules", "src/test/resources/rules/invalid"))
			.isEqualTo(ExitCode.RULES_REFUSED.code());
		assertThat(this.err.toString()).contains("value-without-status.yaml:37: [HORAIRES.fixed] value without status");
	}

	@Test
	void anExerciceNoRuleSetCoversIsRefused() {
		assertThat(run("show", "--exercice", "2010")).isEqualTo(ExitCode.RULES_REFUSED.code());
		assertThat(this.err.toString()).contains("no rule set covers exercice 2010");
	}

	@Test
	void aMalformedDiffSideIsAUsageError() {
		assertThat(run("diff", "20x", "2023")).isEqualTo(ExitCode.USAGE.code());
		assertThat(this.err.toString()).contains("'20x' is not EXERCICE or EXERCICE:ID@VERSION");
	}

	private static long provisional(List<ValueStatus> statuses) {
		return statuses.stream().filter(ValueStatus::isProvisional).count();
	}

	private static String summary(List<ValueStatus> statuses) {
		long analog = statuses.stream().filter(s -> s == ValueStatus.ANALOG).count();
		long placeholder = statuses.stream().filter(s -> s == ValueStatus.PLACEHOLDER).count();
		return statuses.size() + " values, " + (analog + placeholder) + " not confirmed (" + analog + " analog, "
				+ placeholder + " placeholder)";
	}

	/** The status of every value the engine resolves for an exercice. */
	private static List<ValueStatus> statusesResolvedFor(int exercice) {
		ExerciceRules rules = RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(exercice, Optional.empty());
		List<Resolved<?>> values = new ArrayList<>();
		values.add(rules.pointValueEur());
		values.add(rules.rounding());
		values.add(rules.patientBase());
		values.add(rules.healthProfessions());
		values.add(rules.prorata());
		rules.uplift().ifPresent(u -> values.addAll(List.of(u.cap(), u.nationalC2sRate(), u.nationalAmeRate())));
		rules.newCentreDeclaration().ifPresent(values::add);
		for (ExerciceIndicator indicator : rules.indicators()) {
			values.add(indicator.socle());
			indicator.minimum().ifPresent(values::add);
			if (indicator.rule().eligibility() != null) {
				values.add(indicator.rule().eligibility());
			}
			for (ExerciceComponent component : indicator.components()) {
				values.add(component.value());
				if (component.rule().condition() != null) {
					values.add(component.rule().condition());
				}
			}
		}
		List<ValueStatus> statuses = new ArrayList<>(values.stream().map(Resolved::status).toList());
		rules.neutralisations().forEach(n -> statuses.add(n.provenance().status()));
		return statuses;
	}

}
