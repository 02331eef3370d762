package fr.cds.remuneration.annual;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.CsvFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual job, launched as the {@code run} command does, under rule sets other than the 2024
 * one of {@link AnnualPaymentJobFunctionalTest}: the 2025 euro model chosen by the exercice, a
 * national neutralisation, and a rule set refused before anything is read. Same small centres
 * (médical 750000101, dental 690000104, nursing 130000102, polyvalent 330000100).
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:rule-sets-in-the-job",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
class RuleSetsInTheJobTest {

	/**
	 * Exercice 2026 is not over on the day these tests may run: its extract, dated February 2027,
	 * would be refused as taken in the future. The launcher's today is fixed after it.
	 */
	@TestConfiguration
	static class AfterExercice2026 {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC);
		}

	}

	private static final Path SMALL_INPUT = AnnualPaymentJobFunctionalTest.SMALL_INPUT;

	@Autowired
	AnnualRunLauncher launcher;

	@TempDir
	Path temp;

	/**
	 * Exercice 2026 runs the 2025 accord (euros), from the small inputs and 2026 declarations. By
	 * hand, from the patient rows of patients.csv and DEFAULT-PARAMETERS §B (no centre in a ZIP, so
	 * no demographic aid):
	 * <ul>
	 * <li>médical, 4 health FTE, 6 médecin-traitant patients (2 C2S, 2 ALD, 1 disabled), no team
	 * patient: HORAIRES level 2 9,000 + COORDINATION 7,000 + 12 × 6 + SI 3,500 + 1,400 × 4 +
	 * COMPLEXITE 10 × 2 + 15 × 2 + 10 × 1 + QUALITE 700 + SANTE_PUBLIQUE 2 × 2,500 (3 declared, max
	 * 2) = 30,932.00;
	 * <li>dental: PREVENTION_N1 declared "non": socle not met, 0;
	 * <li>nursing, 3 FTE, active list of 3: access level 1 6,000 + 7,000 + 12 × 3 + 3,500 + 1,400 × 3
	 * + SANTE_ENVIRONNEMENTALE 1,000 = 21,736.00;
	 * <li>polyvalent (opened October 2024: a full year in 2026), 6 FTE, 4 médecin-traitant patients of
	 * whom 1 also saw a nurse: HORAIRES level 3 12,000 + 7,000 + 12 × 4 + 3,500 + 1,400 × 6 +
	 * FILE_ACTIVE_EQUIPE 8 × 1 + QUALITE level 3 700 + 1,400 + 2,100 = 35,156.00.
	 * </ul>
	 */
	@Test
	void exercice2026RunsTheEuroModel() throws IOException {
		Path input = this.temp.resolve("input-2026");
		Files.createDirectories(input);
		Files.copy(SMALL_INPUT.resolve("centres.csv"), input.resolve("centres.csv"));
		Files.copy(SMALL_INPUT.resolve("patients.csv"), input.resolve("patients.csv"));
		// no contract in force in 2026: the header alone is a valid contracts.csv
		Files.writeString(input.resolve("contracts.csv"), String.join(";", InputFile.CONTRACTS.columns()) + "\n");
		Files.writeString(input.resolve("declarations.csv"), """
				finess;exercice;indicateur;valeur
				750000101;2026;HORAIRES;2
				750000101;2026;COORDINATION;oui
				750000101;2026;SI;oui
				750000101;2026;PREVENTION_N1;oui
				750000101;2026;COMPLEXITE;oui
				750000101;2026;QUALITE;1
				750000101;2026;SANTE_PUBLIQUE;3
				690000104;2026;HORAIRES;1
				690000104;2026;COORDINATION;oui
				690000104;2026;SI;oui
				690000104;2026;PREVENTION_N1;non
				130000102;2026;ACCES_SOINS_INFIRMIERS;1
				130000102;2026;COORDINATION;oui
				130000102;2026;SI;oui
				130000102;2026;PREVENTION_N1;oui
				130000102;2026;SANTE_ENVIRONNEMENTALE;oui
				330000100;2026;HORAIRES;3
				330000100;2026;COORDINATION;oui
				330000100;2026;SI;oui
				330000100;2026;PREVENTION_N1;oui
				330000100;2026;QUALITE;3
				""");
		Path output = this.temp.resolve("output");

		JobOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2026, input, output,
				RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2027, 2, 15)));

		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		Path statements = output.resolve("2026/statements");
		assertThat(CsvFiles.statementTotal(statements.resolve("750000101.csv"))).isEqualByComparingTo("30932.00");
		assertThat(CsvFiles.statementTotal(statements.resolve("690000104.csv"))).isEqualByComparingTo("0.00");
		assertThat(CsvFiles.statementTotal(statements.resolve("130000102.csv"))).isEqualByComparingTo("21736.00");
		assertThat(CsvFiles.statementTotal(statements.resolve("330000100.csv"))).isEqualByComparingTo("35156.00");
		String medical = Files.readString(statements.resolve("750000101.csv"));
		assertThat(medical).contains("accord-2025@2026.2")
			.contains("Accord national des centres de santé 2025 (publié le 15/10/2025)")
			.contains("valeur provisoire (non publiée)")
			.doesNotContain("Valeur du point");
		assertThat(Files.readString(statements.resolve("690000104.csv"))).contains("Socle;non atteint (Premier niveau de prévention)");
		// a statement in euros says nothing about points
		assertThat(Files.readString(statements.resolve("750000101.html"))).contains("arrondis au centime")
			.doesNotContain("Les points sont affichés");
		assertThat(Files.readString(output.resolve("2026/summary.html")))
			.contains("dernier texte applicable : Accord national des centres de santé 2025 (publié le 15/10/2025).");
		List<List<String>> payments = CsvFiles.rows(output.resolve("2026/payments.csv"));
		assertThat(payments).hasSize(6);
		assertThat(payments.subList(1, 6)).allSatisfy(row -> assertThat(row.get(6)).isEqualTo("accord-2025"));
		BigDecimal paid = payments.subList(1, 6)
			.stream()
			.filter(row -> row.get(2).equals("FORFAIT"))
			.map(row -> new BigDecimal(row.get(4)))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(paid).isEqualByComparingTo("87824.00");
		// the FMT of 2026: médical, aged 45 and 52 in ALD both C2S (5 + 10 and 55 + 10), 4 (15), 81 in ALD
		// (100), 33 and 67 (2 × 5) = 205 €; polyvalent, aged 36 and 45 (2 × 5), 59 in ALD (55), 2 (15) = 80 €
		assertThat(payments).extracting(row -> row.get(0) + " " + row.get(2) + " " + row.get(4))
			.contains("750000101 MEDECIN_TRAITANT 205.00", "330000100 MEDECIN_TRAITANT 80.00");
	}

	/**
	 * A copy of the shipped 2015 rule set with two national neutralisations for 2024. The nursing
	 * centre, which answered "non" to its access socle, is now deemed to meet it: 800 pts
	 * (5,600.00) + COORDINATION 1,000 + 1,700 × 3 / 4,000 = 1,001.275 pts (7,008.925 → 7,008.93) +
	 * SI_STANDARD 500 + 200 × 3 FTE (7,700.00) + CRISE_PLAN 100 pts (700.00) = 21,008.93 €, no uplift
	 * (no C2S or AME patient). NUMERIQUE, removed, is on every statement with its reason; nobody
	 * declared it, so the other totals do not move.
	 */
	@Test
	void aNationalNeutralisationIsShownWithItsReasonOnEveryAffectedStatement() throws IOException {
		Path rules = this.temp.resolve("rules");
		Files.createDirectories(rules);
		String shipped = builtIn("accord-2015.yaml");
		String neutralised = shipped.replace("version: \"2026.1\"", "version: \"2026.2\"")
			.replace("neutralisations: []", """
					neutralisations:
					  - {exercice: 2024, indicator: ACCES_SOINS_INFIRMIERS, effect: met, reason: "Cahier des charges de l'accès aux soins non publié", status: confirmed, source: AMELI-AV5}
					  - {exercice: 2024, indicator: NUMERIQUE, effect: removed, reason: "Logiciels certifiés indisponibles", status: confirmed, source: AMELI-AV4}""");
		assertThat(neutralised).contains("version: \"2026.2\"").contains("effect: removed");
		Files.writeString(rules.resolve("accord-2015.yaml"), neutralised);
		Path output = this.temp.resolve("output");

		JobOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, SMALL_INPUT,
				output, rules.toString(), Optional.empty(), LocalDate.of(2025, 2, 14)));

		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		Path statements = output.resolve("2024/statements");
		Path nursing = statements.resolve("130000102.csv");
		assertThat(CsvFiles.statementTotal(nursing)).isEqualByComparingTo("21008.93");
		assertThat(cells(nursing, "ACCES_SOINS_INFIRMIERS")).contains("réputé atteint",
				"neutralisation nationale : réputé atteint pour tous les centres"
						+ " (Cahier des charges de l'accès aux soins non publié)");
		assertThat(Files.readString(nursing)).contains("Note;Neutralisation nationale : «\u00A0Accès aux soins programmés et non programmés\u00A0» réputé"
				+ " atteint pour tous les centres (Cahier des charges de l'accès aux soins non publié).");
		for (String finess : List.of("750000101", "690000104", "130000102", "330000100")) {
			Path statement = statements.resolve(finess + ".csv");
			assertThat(cells(statement, "NUMERIQUE")).contains("retiré",
					"neutralisation nationale : retiré pour tous les centres (Logiciels certifiés indisponibles)");
			assertThat(Files.readString(statements.resolve(finess + ".html")))
				.contains("Neutralisation nationale : «\u00A0Santé numérique (dossier partagé, e-prescription)\u00A0» retiré pour tous les centres (Logiciels certifiés indisponibles).");
		}
		// the access neutralisation concerns nursing centres only
		assertThat(Files.readString(statements.resolve("750000101.csv"))).doesNotContain("ACCES_SOINS_INFIRMIERS");
		assertThat(CsvFiles.statementTotal(statements.resolve("750000101.csv"))).isEqualByComparingTo("25571.71");
		assertThat(CsvFiles.statementTotal(statements.resolve("690000104.csv"))).isEqualByComparingTo("23114.88");
		assertThat(CsvFiles.statementTotal(statements.resolve("330000100.csv"))).isEqualByComparingTo("7217.20");
		assertThat(CsvFiles.rows(output.resolve("2024/payments.csv")).get(1)).contains("accord-2015@2026.2");
	}

	@Test
	void aRuleSetThatFailsValidationStopsTheRunBeforeAnyInputIsRead() {
		Path output = this.temp.resolve("output");

		JobOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2021, SMALL_INPUT,
				output, "src/test/resources/rules/invalid", Optional.empty(), LocalDate.of(2022, 2, 14)));

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.RULES_REFUSED);
		assertThat(outcome.message()).contains("value-without-status.yaml:36: [HORAIRES.fixed] valeur sans statut");
		// the writability check may have created the directory; nothing is written in it
		if (java.nio.file.Files.exists(output)) {
			try (var written = java.nio.file.Files.walk(output)) {
				assertThat(written.filter(java.nio.file.Files::isRegularFile)).isEmpty();
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
	}

	/** The cells of the statement row of an indicator. */
	private static List<String> cells(Path statement, String code) {
		return CsvFiles.rows(statement).stream().filter(row -> row.get(0).equals(code)).findFirst().orElseThrow();
	}

	private static String builtIn(String file) throws IOException {
		try (InputStream in = RuleSetsInTheJobTest.class.getResourceAsStream("/rulesets/" + file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
