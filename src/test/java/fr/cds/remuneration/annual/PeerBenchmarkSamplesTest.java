package fr.cds.remuneration.annual;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.output.SyntheseWorkbookWriter;
import fr.cds.remuneration.peer.PeerFigures;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.snapshot.PeerFiguresReader;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peer benchmark on the sample inputs, against figures worked out by hand.
 *
 * <p>No region of the samples has 5 centres of one type, so every statement compares with the
 * national group of its type. Worked here: the médical centres, as the statement of the
 * Île-de-France médical centre (930000021, Aubervilliers, the only médical centre of its region)
 * shows them. For each of the 7 médical centres: the forfait's total (its statement), its
 * médecin-traitant patients (the statement's « Patientèle retenue »), its health-professional FTE
 * (centres.csv, the FTE columns other than medical assistant, mediator and administrative staff):
 *
 * <pre>
 * FINESS     forfait €    MT patients  FTE   € per MT patient   € per FTE
 * 340000017  37 454,03    119          5     314.739748         7 490.806
 * 380000026  41 006,91    114          4     359.709737        10 251.7275
 * 450000013  38 005,28    106          4     358.540377         9 501.32
 * 570000026  32 073,62     90          3     356.373556        10 691.206667
 * 620000026       0,00    117          7       0 (socle missed)     0
 * 930000021  39 309,82    143          8     274.893846         4 913.7275
 * 970400016  43 239,61    112          4     386.067946        10 809.9025
 * </pre>
 *
 * Per MT patient, sorted: 0, 274.893846, 314.739748, 356.373556, 358.540377, 359.709737, 386.067946.
 * n = 7, positions (n − 1)·p = 1.5, 3, 4.5:
 * Q1 = 274.893846 + 0.5 × (314.739748 − 274.893846) = 294.816797 → 294,82 €;
 * median = the 4th value, 356.373556, Forbach's alone → not published;
 * Q3 = 358.540377 + 0.5 × (359.709737 − 358.540377) = 359.125057 → 359,13 €.
 * Aubervilliers: 39 309,82 / 143 = 274,89 €.
 *
 * <p>Per FTE, sorted: 0, 4 913.7275, 7 490.806, 9 501.32, 10 251.7275, 10 691.206667, 10 809.9025:
 * Q1 = 4 913.7275 + 0.5 × (7 490.806 − 4 913.7275) = 6 202.26675 → 6 202,27 €; median 9 501.32
 * (Orléans alone) → not published; Q3 = 10 251.7275 + 0.5 × (10 691.206667 − 10 251.7275)
 * = 10 471.467083 → 10 471,47 €. Aubervilliers: 39 309,82 / 8 = 4 913,73 €.
 *
 * <p>Optional commitments met (statement lines not in the socle, neither ineligible nor removed, and
 * not met without a declared answer): 7/21, 14/22, 9/21, 10/21, 10/21, 9/21, 14/21; sorted 0.333333,
 * 0.428571, 0.428571, 0.476190, 0.476190, 0.636364, 0.666667: Q1 = 0.428571 (two centres: published)
 * → 42,9 %; median = 0.476190 (two centres) → 47,6 %; Q3 = 0.476190 + 0.5 × (0.636364 − 0.476190)
 * = 0.556277 → 55,6 %. Aubervilliers: 9/21 → 42,9 %.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:peer-benchmark-samples" })
class PeerBenchmarkSamplesTest {

	static final Path SAMPLES = Path.of("input-samples");

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RunStore store;

	@Autowired
	PeerFiguresReader peers;

	@TempDir
	Path output;

	@Test
	void statementsSummaryAndWorkbookShowTheQuartilesWorkedOutByHand() throws Exception {
		RunTables.empty(this.jdbc);
		JobOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, SAMPLES, this.output,
				RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14)));
		assertThat(outcome.exitCode()).isEqualTo(ExitCode.OK);
		Path out = this.output.resolve("2024");

		String block = text(Files.readString(out.resolve("statements/930000021.html")), "id=\"peer-benchmark\"", "</table>");
		assertThat(block).contains(
				"Rémunération forfaitaire par patient médecin traitant | 274,89 € | 294,82 € | non publié (valeur d'un seul centre) | 359,13 € | type médical, France entière : 7 centres (1 dans la région, moins de 5)",
				"Rémunération forfaitaire par ETP de professionnel de santé | 4 913,73 € | 6 202,27 € | non publié (valeur d'un seul centre) | 10 471,47 € | type médical, France entière : 7 centres (1 dans la région, moins de 5)",
				"Part des engagements optionnels atteints | 42,9 % | 42,9 % | 47,6 % | 55,6 % | type médical, France entière");
		// a dental centre has no médecin-traitant list: its own ratio is left out and no dental group has one
		assertThat(text(Files.readString(out.resolve("statements/750000028.html")), "id=\"peer-benchmark\"", "</table>"))
			.contains("Rémunération forfaitaire par patient médecin traitant | sans objet : la patientèle retenue",
					"non publié (moins de 5 centres)");

		String summary = text(Files.readString(out.resolve("summary.html")), "Repères par type", "</body>");
		assertThat(summary).contains("Médical | France entière | 7 | 0 | 294,82 € | non publié (valeur d'un seul centre) | 359,13 €",
				"Médical | Île-de-France | 1 | 0 | —",
				// 14 dental centres, none with a médecin-traitant list
				"Dentaire | France entière | 0 | 14 |");

		long runId = this.store.latestCompletedRun(AnnualPaymentJobConfiguration.JOB_NAME, 2024).orElseThrow();
		Path workbook = this.output.resolve("synthese.xlsx");
		SyntheseWorkbookWriter.write(workbook,
				this.store.results(runId).stream().map(r -> new SyntheseWorkbookWriter.CentreRow(r, "")).toList());
		try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook book = new XSSFWorkbook(in)) {
			Sheet sheet = book.getSheet("Repères");
			Row medical = null;
			for (Row row : sheet) {
				if (row.getCell(0).getStringCellValue().endsWith("par patient médecin traitant")
						&& row.getCell(1).getStringCellValue().equals("médical")
						&& row.getCell(2).getStringCellValue().equals("France entière")) {
					medical = row;
				}
			}
			assertThat(medical).isNotNull();
			assertThat(medical.getCell(3).getNumericCellValue()).isEqualTo(7);
			assertThat(medical.getCell(5).getNumericCellValue()).isEqualTo(294.82);
			assertThat(medical.getCell(6)).isNull();
			assertThat(medical.getCell(7).getNumericCellValue()).isEqualTo(359.13);
		}

		theFiguresStoredWithTheResultsAreTheResultsOwn(runId);
	}

	/**
	 * Issue 21: the statements and the summary read each centre's figures stored with its result
	 * (CENTRE_PEER_FIGURES), not every whole result; a run stored before that table is read from its
	 * results as before. Both routes must give the figures of the results themselves.
	 */
	private void theFiguresStoredWithTheResultsAreTheResultsOwn(long runId) {
		List<PeerFigures> ofResults = this.store.results(runId).stream().map(PeerFigures::of).toList();
		assertThat(ofResults).hasSizeGreaterThan(30);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM CENTRE_PEER_FIGURES WHERE RUN_ID = ?", Integer.class,
				runId)).isEqualTo(ofResults.size());
		assertThat(this.peers.figures(runId)).containsExactlyElementsOf(ofResults);

		this.jdbc.update("DELETE FROM CENTRE_PEER_FIGURES WHERE RUN_ID = ?", runId);
		assertThat(this.peers.figures(runId)).containsExactlyElementsOf(ofResults);
	}

	/** The cells' text from {@code from} to {@code to}, tags and entities out, cells joined by " | ". */
	private static String text(String html, String from, String to) {
		int start = html.indexOf(from);
		assertThat(start).as("%s in the page", from).isNotNegative();
		String part = html.substring(start, html.indexOf(to, start));
		return List.of(part.replaceAll("</t[dh]>\\s*<t[dh][^>]*>", " | ")
			.replaceAll("<[^>]+>", " ")
			.replace("&#39;", "'")
			.replace("\u00A0", " ")
			.replaceAll("[ \\t]+", " ")
			.split("\n")).stream().map(String::strip).reduce("", (a, b) -> a + "\n" + b);
	}

}
