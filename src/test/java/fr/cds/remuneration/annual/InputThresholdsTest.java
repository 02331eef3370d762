package fr.cds.remuneration.annual;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.RunTables;
import fr.cds.remuneration.support.SyntheticInputs;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The thresholds that stop a run, with the shipped limits (0.1 % of patient rows, 1 % of
 * declaration rows, no rejected centre, a valid rule set): above a limit the run ends with its
 * exit code and a message that says what to fix, before any payment or statement is written; at
 * the limit it completes and each centre whose rows were rejected is held (exit code 8).
 * The inputs are 20 generated centres with 2,000 patient rows and 140 declaration rows, some rows
 * broken by the test.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:thresholds" })
class InputThresholdsTest {

	private static final int CENTRES = 20;

	private static final int PATIENT_ROWS = 2000;

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path work;

	@BeforeEach
	void emptyRepository() {
		// each test is the first annual run of its exercice, as on a fresh machine
		RunTables.empty(this.jdbc);
	}

	@Test
	void patientRejectsAtTheLimitCompleteAndHoldTheCentresConcerned() throws IOException {
		// 2 rejected rows out of 2,000: 0.1 %, not above the limit
		Path input = input("at-limit", 0, 3, 9);

		JobOutcome outcome = launch(input, RuleSetRepository.BUILT_IN);

		// the centres of the rejected rows are held (their patient count is incomplete), the others paid
		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.COMPLETED_WITH_HELD_CENTRES);
		Path statements = this.work.resolve("at-limit-output/2024/statements");
		List<String> centres = centresOfPatientLines(input, 3, 9);
		for (String finess : SyntheticInputs.finessList(CENTRES)) {
			if (centres.contains(finess)) {
				assertThat(statements.resolve(finess + ".csv")).doesNotExist();
				assertThat(Files.readString(statements.resolve(finess + "-en-attente.txt")))
					.contains("centre EN ATTENTE", "patients.csv ligne", "champ age");
			}
			else {
				assertThat(Files.readString(statements.resolve(finess + ".csv"))).doesNotContain("ont été rejetées");
			}
		}
		List<String> held = CsvFiles.rows(this.work.resolve("at-limit-output/2024/centres-en-attente.csv"))
			.stream()
			.skip(1)
			.map(row -> row.get(0))
			.distinct()
			.toList();
		assertThat(held).containsExactlyInAnyOrderElementsOf(centres.stream().distinct().toList());
	}

	@Test
	void patientRejectsAboveTheLimitStopTheRunBeforeAnyPayment() throws IOException {
		Path input = input("above-limit", 0, 3, 9, 12);

		JobOutcome outcome = launch(input, RuleSetRepository.BUILT_IN);

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(outcome.exitCode().code()).isEqualTo(3);
		assertThat(outcome.message()).contains("rien n'a été calculé ni payé",
				"patients.csv : 3 ligne(s) rejetée(s) sur 2000 (0.150 %), au-delà de la limite de 0.1 % (cds.input.max-patient-reject-rate)",
				"Corrigez les fichiers et relancez");
		assertNothingPaid("above-limit", 3);
	}

	@Test
	void declarationRejectsAboveTheLimitStopTheRun() throws IOException {
		// 2 rejected rows out of 140: 1.43 %, above 1 %
		Path input = input("declarations", 2);

		JobOutcome outcome = launch(input, RuleSetRepository.BUILT_IN);

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(outcome.message()).contains(
				"declarations.csv : 2 ligne(s) rejetée(s) sur 140 (1.429 %), au-delà de la limite de 1 % (cds.input.max-declaration-reject-rate)");
		assertNothingPaid("declarations", 2);
	}

	@Test
	void aSingleRejectedCentreStopsTheRun() throws IOException {
		Path input = input("centre", 0);
		List<String> centres = new ArrayList<>(Files.readAllLines(input.resolve(InputFile.CENTRES.fileName())));
		centres.set(5, centres.get(5).replace(";HORS_ZONE;", ";ZONE_X;"));
		Files.write(input.resolve(InputFile.CENTRES.fileName()), centres);

		JobOutcome outcome = launch(input, RuleSetRepository.BUILT_IN);

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(outcome.message()).contains("centres.csv : 1 ligne(s) rejetée(s) sur 20 ; chaque centre doit être accepté");
		// the centre's declaration (7 rows) and patient rows are rejected with it: their centre is unknown
		String finess = SyntheticInputs.finess(4);
		long patientRows = Files.readAllLines(input.resolve(InputFile.PATIENTS.fileName()))
			.stream()
			.filter(line -> line.split(";")[1].equals(finess))
			.count();
		assertNothingPaid("centre", 1 + 7 + (int) patientRows);
		assertThat(CsvFiles.rows(this.work.resolve("centre-output/2024/rejects.csv")).get(1)).containsExactly(
				"centres.csv", "6", finess, "zone", "ZONE_X", "valeur non reconnue (attendu : ZIP, ZAC ou HORS_ZONE)");
	}

	@Test
	void anInvalidRuleSetStopsTheRunBeforeAnythingIsRead() throws IOException {
		Path input = input("rules", 0);
		Path rules = Files.createDirectories(this.work.resolve("rules"));
		try (InputStream shipped = getClass().getResourceAsStream("/rulesets/accord-2015.yaml")) {
			String yaml = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
			Files.writeString(rules.resolve("accord-2015.yaml"), yaml + "\nunexpected_key: 1\n");
		}

		JobOutcome outcome = launch(input, rules.toString());

		assertThat(outcome.exitCode()).isEqualTo(ExitCode.RULES_REFUSED);
		assertThat(outcome.exitCode().code()).isEqualTo(4);
		assertThat(outcome.message()).contains("accord-2015.yaml").contains("unexpected_key");
		// the output directory may have been created by the writability check; nothing is written in it
		Path output = this.work.resolve("rules-output");
		if (Files.exists(output)) {
			try (var written = Files.walk(output)) {
				assertThat(written.filter(Files::isRegularFile)).isEmpty();
			}
		}
	}

	private JobOutcome launch(Path input, String rules) {
		return this.launcher.launch(new AnnualRunLauncher.Request(2024, input,
				this.work.resolve(input.getFileName() + "-output"), rules, Optional.empty(), LocalDate.of(2025, 2, 14)));
	}

	private void assertNothingPaid(String name, int rejects) {
		Path out = this.work.resolve(name + "-output/2024");
		assertThat(out.resolve("payments.csv")).doesNotExist();
		assertThat(out.resolve("statements")).doesNotExist();
		assertThat(CsvFiles.rows(out.resolve("rejects.csv"))).as("the operator sees why").hasSize(1 + rejects);
	}

	/**
	 * Generated inputs (distinct per test, so that each is a new run) with {@code badDeclarations}
	 * declaration rows given an unknown indicator and the patient rows of {@code badPatientRows}
	 * (0-based among the data rows) given an impossible age.
	 */
	private Path input(String name, int badDeclarations, int... badPatientRows) throws IOException {
		Path input = this.work.resolve(name);
		SyntheticInputs.write(input, CENTRES, PATIENT_ROWS, name.hashCode());
		Path declarations = input.resolve(InputFile.DECLARATIONS.fileName());
		List<String> lines = new ArrayList<>(Files.readAllLines(declarations));
		for (int i = 1; i <= badDeclarations; i++) {
			lines.set(i * 10, lines.get(i * 10).replaceFirst(";2024;[A-Z_]+;", ";2024;INCONNU;"));
		}
		Files.write(declarations, lines);
		Path patients = input.resolve(InputFile.PATIENTS.fileName());
		List<String> rows = new ArrayList<>(Files.readAllLines(patients));
		for (int row : badPatientRows) {
			String[] fields = rows.get(row + 1).split(";");
			fields[3] = "200";
			rows.set(row + 1, String.join(";", fields));
		}
		Files.write(patients, rows);
		return input;
	}

	/** The FINESS of the given patient data rows. */
	private static List<String> centresOfPatientLines(Path input, int... rows) throws IOException {
		List<String> lines = Files.readAllLines(input.resolve(InputFile.PATIENTS.fileName()));
		List<String> centres = new ArrayList<>();
		for (int row : rows) {
			centres.add(lines.get(row + 1).split(";")[1]);
		}
		return centres;
	}

}
