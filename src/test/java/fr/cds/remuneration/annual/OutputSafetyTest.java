package fr.cds.remuneration.annual;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What leaves the run is safe to open: centre names holding HTML markup and spreadsheet formulas
 * ({@code bad-inputs/markup-and-formula}) and declaration values that are formulas are shown as
 * text in every output, each statement holds its own centre's data only, and the manifest lists
 * every output with its SHA-256 (recomputed here).
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:bad-inputs",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutputSafetyTest {

	private static final String MARKUP_NAME = "<script>alert('x')</script> =HYPERLINK(\"http://evil.example\";\"clic\")";

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	static Path work;

	Path out;

	List<List<String>> centres;

	@BeforeAll
	void run() throws IOException {
		RunTables.empty(this.jdbc);
		Path input = Files.createDirectories(work.resolve("input"));
		Files.copy(BadInputCorpusTest.CORPUS.resolve("markup-and-formula/centres.csv"), input.resolve("centres.csv"));
		Files.copy(BadInputCorpusTest.BASE.resolve("patients.csv"), input.resolve("patients.csv"));
		Files.copy(BadInputCorpusTest.BASE.resolve("contracts.csv"), input.resolve("contracts.csv"));
		List<String> declarations = new ArrayList<>(Files.readAllLines(BadInputCorpusTest.BASE.resolve("declarations.csv")));
		// a formula short enough to pass the field's length limit (32), so it reaches rejects.csv
		declarations.add("690000104;2024;FORMATION;=HYPERLINK(\"http://e.example\")");
		declarations.add("130000102;2024;@SUM(1);oui");
		Files.write(input.resolve("declarations.csv"), declarations);
		this.centres = CsvFiles.rows(input.resolve(InputFile.CENTRES.fileName()));

		JobOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, input,
				work.resolve("output"), RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14)));

		// the two centres whose formula rows are rejected are held: their names and reasons reach
		// centres-en-attente.csv, which must neutralise them like every CSV output
		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.COMPLETED_WITH_HELD_CENTRES);
		this.out = work.resolve("output/2024");
	}

	@Test
	void htmlStatementsEscapeEveryInputValue() throws IOException {
		String html = Files.readString(this.out.resolve("statements/750000101.html"));

		assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; =HYPERLINK(&quot;http://evil.example&quot;;&quot;clic&quot;)");
		for (Path statement : files(".html")) {
			assertThat(Files.readString(statement)).doesNotContainIgnoringCase("<script");
		}
	}

	@Test
	void noCsvCellOfAnyOutputStartsAFormula() throws IOException {
		assertThat(CsvFiles.rows(this.out.resolve("centres-en-attente.csv")))
			.anyMatch(row -> row.get(0).equals("690000104") && row.get(1).equals("'=1+2"));
		assertThat(field(this.out.resolve("statements/750000101.csv"), "Raison sociale")).isEqualTo(MARKUP_NAME);
		assertThat(CsvFiles.rows(this.out.resolve("rejects.csv"))).contains(
				List.of("declarations.csv", "21", "690000104", "valeur", "'=HYPERLINK(\"http://e.example\")",
						"valeur non reconnue (attendu : un nombre entier positif ou nul)"),
				List.of("declarations.csv", "22", "130000102", "indicateur", "'@SUM(1)",
						"indicateur inconnu pour l'exercice 2024"));
		for (Path csv : files(".csv")) {
			for (List<String> row : CsvFiles.rows(csv)) {
				for (String cell : row) {
					boolean number = cell.matches("-?[0-9]+([.,][0-9]+)?");
					assertThat(number || cell.isEmpty() || "=+-@\t\r".indexOf(cell.strip().isEmpty() ? 'x' : cell.strip().charAt(0)) < 0)
						.as(csv + ": " + cell)
						.isTrue();
				}
			}
		}
	}

	@Test
	void eachStatementHoldsItsOwnCentreOnly() throws IOException {
		List<String> allFiness = this.centres.stream().skip(1).map(row -> row.get(0)).toList();
		for (Path statement : files("")) {
			if (!statement.getParent().getFileName().toString().equals("statements")) {
				continue;
			}
			String finess = statement.getFileName().toString().replaceAll("(\\.csv|\\.html|-en-attente\\.txt)$", "");
			String content = Files.readString(statement);
			assertThat(content).contains(finess);
			for (String other : allFiness) {
				if (!other.equals(finess)) {
					assertThat(content).as(statement + " names " + other).doesNotContain(other);
				}
			}
			if (statement.toString().endsWith(".csv")) {
				String name = this.centres.stream().filter(r -> r.get(0).equals(finess)).findFirst().orElseThrow().get(1);
				assertThat(field(statement, "Raison sociale")).isIn(name, "'" + name);
			}
		}
	}

	@Test
	void theManifestListsEveryOutputWithItsChecksum() throws Exception {
		List<String> expected = new ArrayList<>();
		for (Path file : files("")) {
			String relative = this.out.relativize(file).toString().replace('\\', '/');
			if (!relative.equals("manifest.sha256")) {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
				expected.add(HexFormat.of().formatHex(digest) + "  " + relative);
			}
		}
		assertThat(Files.readAllLines(this.out.resolve("manifest.sha256"))).containsExactlyInAnyOrderElementsOf(expected)
			.anyMatch(line -> line.endsWith("  payments.csv"))
			.anyMatch(line -> line.endsWith("  statements/750000101.html"));
	}

	private List<Path> files(String suffix) throws IOException {
		try (Stream<Path> files = Files.walk(this.out)) {
			return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(suffix)).sorted().toList();
		}
	}

	/** The value of a statement's header field. */
	private static String field(Path statement, String label) {
		return CsvFiles.rows(statement).stream().filter(r -> r.get(0).equals(label)).findFirst().orElseThrow().get(1);
	}

	@Test
	void anotherRunNeverOverwritesTheOutputsOfACompletedOne() throws IOException {
		// the other tests of the class read the files only: forgetting the run in the database is harmless
		Path other = Files.createDirectories(work.resolve("other-input"));
		for (InputFile file : InputFile.values()) {
			Files.copy(work.resolve("input").resolve(file.fileName()), other.resolve(file.fileName()));
		}
		Files.writeString(other.resolve("patients.csv"), "PX0000901;750000101;1;45;0;0;0;0;0;RG;1;0;0;0;0;0;0\n",
				java.nio.file.StandardOpenOption.APPEND);
		byte[] manifest = Files.readAllBytes(this.out.resolve("manifest.sha256"));
		// another database (a new machine, a database rebuilt), the same output directory
		RunTables.empty(this.jdbc);

		JobOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, other,
				work.resolve("output"), RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14)));

		// refused like a completed run (issue 15 §4: exit 5, it was 2), in French, with advice that works
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED);
		assertThat(outcome.message()).contains("contient déjà les sorties d'un run terminé",
				"'reprocess --exercice 2024'", "choisissez un autre --output");
		assertThat(Files.readAllBytes(this.out.resolve("manifest.sha256"))).isEqualTo(manifest);
	}

}
