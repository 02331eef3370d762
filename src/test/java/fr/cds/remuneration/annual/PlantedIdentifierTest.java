package fr.cds.remuneration.annual;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.input.InputEncoding;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No patient identifier anywhere, even on bad input: a planted identifier is moved into every
 * column position of one row of patients.csv (the row's cells swapped), and a header that lost its
 * line end runs into a row holding one. Whatever the run answers, the planted identifier appears
 * in no output file, in no log line, in no message and nowhere in the database (every table,
 * through H2's SCRIPT). The identifiers are a short one, which no length rule can tell from a
 * value, and a FINESS-like one, which a FINESS check would let through.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:planted-identifiers",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
@ExtendWith(OutputCaptureExtension.class)
class PlantedIdentifierTest {

	static final Path BASE = Path.of("src/test/resources/annual/small");

	/** Short, and FINESS-like with a valid key (no centre of the input has it). */
	static final List<String> PLANTED = List.of("PX7", "330000993");

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path work;

	@BeforeEach
	void emptyRepository() {
		RunTables.empty(this.jdbc);
	}

	static Stream<Arguments> positions() {
		List<Arguments> cases = new ArrayList<>();
		for (String planted : PLANTED) {
			for (int column = 0; column < InputFile.PATIENTS.columns().size(); column++) {
				cases.add(Arguments.of(planted, column));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} in column {1}")
	@MethodSource("positions")
	void anIdentifierInAnyColumnIsNeverWrittenAnywhere(String planted, int column, CapturedOutput logs)
			throws IOException {
		List<String> lines = Files.readAllLines(BASE.resolve("patients.csv"), StandardCharsets.UTF_8);
		String[] cells = lines.get(2).split(";", -1);
		cells[0] = cells[column];
		cells[column] = planted;
		lines.set(2, String.join(";", cells));

		JobOutcome outcome = run(String.join("\n", lines) + "\n");

		assertNowhere(planted, outcome, logs);
	}

	@Test
	void aHeaderThatLostItsLineEndDoesNotQuoteTheFirstRow(CapturedOutput logs) throws IOException {
		List<String> lines = Files.readAllLines(BASE.resolve("patients.csv"), StandardCharsets.UTF_8);
		String[] cells = lines.get(1).split(";", -1);
		cells[0] = "PX7";
		String joined = lines.get(0) + String.join(";", cells);
		List<String> rest = lines.subList(2, lines.size());

		JobOutcome outcome = run(joined + "\n" + String.join("\n", rest) + "\n");

		assertThat(outcome.message()).contains("patients.csv", "colonne(s) inconnue(s) en position(s) 17, 18, 19");
		assertNowhere("PX7", outcome, logs);
	}

	private JobOutcome run(String patients) throws IOException {
		Path input = this.work.resolve("input");
		Files.createDirectories(input);
		for (InputFile file : InputFile.values()) {
			Files.copy(BASE.resolve(file.fileName()), input.resolve(file.fileName()));
		}
		Files.writeString(input.resolve("patients.csv"), patients, StandardCharsets.UTF_8);
		return this.launcher.launch(new AnnualRunLauncher.Request(2024, input, this.work.resolve("output"),
				RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14), false, InputEncoding.UTF_8));
	}

	private void assertNowhere(String planted, JobOutcome outcome, CapturedOutput logs) throws IOException {
		assertThat(outcome.message()).doesNotContain(planted);
		assertThat(logs.getAll()).as("logs").doesNotContain(planted);
		Path output = this.work.resolve("output");
		if (Files.exists(output)) {
			try (Stream<Path> files = Files.walk(output)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
						.doesNotContain(planted);
				}
			}
		}
		List<String> database = this.jdbc.queryForList("SCRIPT", String.class);
		assertThat(database).as("database").noneMatch(statement -> statement.contains(planted));
	}

}
