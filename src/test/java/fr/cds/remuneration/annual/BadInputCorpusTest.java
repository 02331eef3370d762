package fr.cds.remuneration.annual;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.OperatorFrench;
import fr.cds.remuneration.support.PatientIdentifiers;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of bad inputs, {@code src/test/resources/bad-inputs/<case>/}: each case replaces one
 * file of the small input ({@code annual/small}) by a broken one and says, in
 * {@code expected.properties} and {@code expected-rejects.csv}, what the run must answer: its exit
 * code and message, the file's rows read, accepted and rejected, and every reject of the file with
 * its line, field, value and reason, all written by hand from the file's content. A refused run
 * must have written no payment and no statement; a run that completes with held centres (the
 * {@code held} key) has paid none of them, listed each with its reason in centres-en-attente.csv and
 * given each a held statement. And whatever the case, no patient identifier of
 * the input may appear in any output file nor in the logs.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:bad-inputs",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2",
		"cds.input.max-contract-reject-rate=0.5" })
@ExtendWith(OutputCaptureExtension.class)
class BadInputCorpusTest {

	static final Path CORPUS = Path.of("src/test/resources/bad-inputs");

	static final Path BASE = Path.of("src/test/resources/annual/small");

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path work;

	@BeforeEach
	void emptyRepository() {
		// each case is the first annual run of its exercice, as on a fresh machine
		RunTables.empty(this.jdbc);
	}

	static Stream<String> cases() throws IOException {
		try (Stream<Path> cases = Files.list(CORPUS)) {
			return cases.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void eachBadInputIsReportedAsExpected(String name, CapturedOutput logs) throws IOException {
		Path caseDir = CORPUS.resolve(name);
		Properties expected = properties(caseDir.resolve("expected.properties"));
		Path input = inputWith(caseDir);
		insertGeneratedLine(expected, input);
		Path output = this.work.resolve("output");
		InputEncoding encoding = InputEncoding.parse(expected.getProperty("encoding", "UTF-8")).orElseThrow();

		JobOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, input, output,
				RuleSetRepository.BUILT_IN, Optional.empty(),
				LocalDate.parse(expected.getProperty("extractionDate", "2025-02-14")), false, encoding));

		assertThat(outcome.exitCode().code()).as(outcome.message())
			.isEqualTo(Integer.parseInt(expected.getProperty("exitCode")));
		for (String key : expected.stringPropertyNames()) {
			if (key.startsWith("message")) {
				assertThat(outcome.message()).contains(expected.getProperty(key));
			}
		}
		String file = expected.getProperty("file");
		Path out = output.resolve("2024");
		if (outcome.exitCode() != ExitCode.OK && outcome.exitCode() != ExitCode.COMPLETED_WITH_HELD_CENTRES) {
			assertThat(out.resolve("payments.csv")).as("nothing is paid on refused inputs").doesNotExist();
			assertThat(out.resolve("statements")).doesNotExist();
		}
		assertHeld(expected, out);
		if (expected.containsKey("counts")) {
			long runId = outcome.execution().getJobInstanceId();
			List<String> counts = this.jdbc.queryForList(
					"SELECT ROWS_READ || ';' || ROWS_ACCEPTED || ';' || ROWS_REJECTED FROM RUN_FILE WHERE RUN_ID = ? AND FILE_NAME = ?",
					String.class, runId, file);
			assertThat(counts).containsExactly(expected.getProperty("counts"));
		}
		Path expectedRejects = caseDir.resolve("expected-rejects.csv");
		if (Files.exists(expectedRejects)) {
			List<List<String>> rejects = CsvFiles.rows(out.resolve("rejects.csv"));
			assertThat(rejects.get(0)).containsExactly("fichier", "ligne", "finess", "champ", "valeur", "motif");
			assertThat(rejects.stream().filter(row -> row.get(0).equals(file)).toList())
				.containsExactlyElementsOf(CsvFiles.rows(expectedRejects).stream().skip(1).toList());
		}
		PatientIdentifiers.assertNoneIn(input.resolve(InputFile.PATIENTS.fileName()), output, logs.getAll());
		assertFrench(outcome, logs, out);
		for (Map.Entry<String, String> statement : statements(expected).entrySet()) {
			Path csv = out.resolve("statements").resolve(statement.getKey() + ".csv");
			assertThat(CsvFiles.statementTotal(csv)).isEqualByComparingTo(statement.getValue());
			String contains = expected.getProperty("statement." + statement.getKey() + ".contains");
			if (contains != null) {
				assertThat(CsvFiles.rows(csv).stream().flatMap(List::stream)).anyMatch(cell -> cell.contains(contains));
			}
		}
	}

	/**
	 * Whatever the case, what the operator and the centres read is French: the run's message, the log
	 * lines of the application's classes and the causes under a failure, every reject's reason and
	 * every held centre's reason.
	 */
	private static void assertFrench(JobOutcome outcome, CapturedOutput logs, Path out) throws IOException {
		OperatorFrench.assertFrench("the run's message", outcome.message());
		OperatorFrench.assertFrench("the application's log lines", OperatorFrench.ourLines(logs.getAll()));
		for (String file : List.of("rejects.csv", "centres-en-attente.csv")) {
			if (Files.exists(out.resolve(file))) {
				List<List<String>> rows = CsvFiles.rows(out.resolve(file));
				int reason = rows.get(0).size() - 1;
				OperatorFrench.assertFrench(file, String.join("\n",
						rows.stream().skip(1).map(row -> row.get(Math.min(reason, row.size() - 1))).toList()));
			}
		}
	}

	/**
	 * The centres of the {@code held} key, and no other, are held: listed in centres-en-attente.csv
	 * with a reason, a statement that says so and no other, no payment line. Without the key, none is.
	 */
	private static void assertHeld(Properties expected, Path out) throws IOException {
		List<String> held = expected.containsKey("held") ? List.of(expected.getProperty("held").split(",")) : List.of();
		Path list = out.resolve("centres-en-attente.csv");
		if (!Files.exists(out.resolve("manifest.sha256")) && !Files.exists(list)) {
			assertThat(held).as("a refused run holds no centre").isEmpty();
			return;
		}
		List<List<String>> rows = CsvFiles.rows(list);
		assertThat(rows.stream().skip(1).map(row -> row.get(0)).distinct().toList())
			.containsExactlyInAnyOrderElementsOf(held);
		assertThat(rows.stream().skip(1)).allSatisfy(row -> assertThat(row.get(4)).isNotBlank());
		List<List<String>> payments = CsvFiles.rows(out.resolve("payments.csv"));
		for (String finess : held) {
			assertThat(out.resolve("statements").resolve(finess + ".csv")).doesNotExist();
			assertThat(Files.readString(out.resolve("statements").resolve(finess + "-en-attente.txt")))
				.contains("centre EN ATTENTE", "Pour débloquer le paiement");
			assertThat(payments).noneMatch(row -> row.get(0).equals(finess));
			String reason = expected.getProperty("held." + finess + ".contains");
			if (reason != null) {
				assertThat(rows).anyMatch(row -> row.get(0).equals(finess) && row.get(4).contains(reason));
			}
		}
	}

	/** The small input with the case's files in place of the original ones. */
	private Path inputWith(Path caseDir) throws IOException {
		Path input = this.work.resolve("input");
		Files.createDirectories(input);
		for (InputFile file : InputFile.values()) {
			Path replacement = caseDir.resolve(file.fileName());
			Files.copy(Files.exists(replacement) ? replacement : BASE.resolve(file.fileName()),
					input.resolve(file.fileName()));
		}
		return input;
	}

	/**
	 * The {@code insertLine=<line>:<characters>[:quote]} key: a line too long to be committed (several MB)
	 * is generated into the case's file at that line, made of {@code x}, starting with a quote never
	 * closed when asked.
	 */
	private static void insertGeneratedLine(Properties expected, Path input) throws IOException {
		String insert = expected.getProperty("insertLine");
		if (insert == null) {
			return;
		}
		String[] parts = insert.split(":");
		Path file = input.resolve(expected.getProperty("file"));
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
		int characters = Integer.parseInt(parts[1]);
		String generated = parts.length > 2 ? "\"" + "x".repeat(characters - 1) : "x".repeat(characters);
		lines.add(Integer.parseInt(parts[0]) - 1, generated);
		Files.write(file, lines, StandardCharsets.UTF_8);
	}

	/** FINESS to expected total, from the {@code statement.<FINESS>.total} keys. */
	private static Map<String, String> statements(Properties expected) {
		Map<String, String> totals = new java.util.TreeMap<>();
		for (String key : expected.stringPropertyNames()) {
			if (key.startsWith("statement.") && key.endsWith(".total")) {
				totals.put(key.substring("statement.".length(), key.length() - ".total".length()), expected.getProperty(key));
			}
		}
		return totals;
	}

	static Properties properties(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
