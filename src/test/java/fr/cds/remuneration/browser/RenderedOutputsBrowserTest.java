package fr.cds.remuneration.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outputs looked at as a person would: a statement and the summary report opened in headless
 * Chromium (no console error, the total on the page equals the CSV total), the PDF statement
 * rendered to images by pdftoppm. Screenshots land in target/screenshots.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:browser-outputs",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
class RenderedOutputsBrowserTest {

	static final Path SMALL = Path.of("src/test/resources/annual/small");

	@Autowired
	AnnualRunLauncher launcher;

	@TempDir
	Path output;

	@Test
	void statementSummaryAndPdfAsSeenInABrowser() throws Exception {
		var outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, SMALL, this.output,
				RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14), true));
		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		Path out = this.output.resolve("2024");
		Path statement = out.resolve("statements/750000101.html");

		try (HeadlessChromium chromium = new HeadlessChromium()) {
			chromium.driver().get(statement.toUri().toString());
			assertThat(chromium.consoleErrors()).isEmpty();
			String pageTotal = chromium.driver().findElement(By.id("total")).getText();
			String csvTotal = FrenchFormat.euros(CsvFiles.statementTotal(out.resolve("statements/750000101.csv")));
			assertThat(normalise(pageTotal)).isEqualTo(normalise(csvTotal)).isEqualTo("25 571,71 €");
			// one row per line and a total row in each table (the forfait's, then each other payment's), as in the CSV
			assertThat(chromium.driver().findElements(By.cssSelector("table.lines tbody tr")))
				.hasSize(lineAndTotalRows(out.resolve("statements/750000101.csv")));
			assertThat(normalise(chromium.driver().findElement(By.id("grand-total")).getText()))
				.isEqualTo(normalise(FrenchFormat.euros(CsvFiles.grandTotal(out.resolve("statements/750000101.csv")))))
				.isEqualTo("59 043,88 €");
			chromium.screenshot("statement-750000101");

			chromium.driver().get(out.resolve("summary.html").toUri().toString());
			assertThat(chromium.consoleErrors()).isEmpty();
			List<List<String>> summary = CsvFiles.rows(out.resolve("regional-summary.csv"));
			String nationalTotal = summary.get(summary.size() - 1).get(6);
			assertThat(normalise(chromium.driver().findElement(By.id("total")).getText()))
				.isEqualTo(normalise(FrenchFormat.euros(CsvFiles.frenchNumber(nationalTotal))))
				.isEqualTo("55 903,79 €");
			assertThat(chromium.driver().findElements(By.cssSelector("svg rect"))).isNotEmpty();
			chromium.screenshot("summary-2024");
		}

		Path pages = HeadlessChromium.SCREENSHOTS.resolve("pdf-750000101");
		Process pdftoppm = new ProcessBuilder("pdftoppm", "-png", "-r", "50",
				out.resolve("statements/750000101.pdf").toString(), pages.toString()).inheritIO().start();
		assertThat(pdftoppm.waitFor(10, TimeUnit.MINUTES)).isTrue();
		assertThat(pdftoppm.exitValue()).isZero();
		try (Stream<Path> files = Files.list(HeadlessChromium.SCREENSHOTS)) {
			assertThat(files.filter(p -> p.getFileName().toString().startsWith("pdf-750000101")).toList())
				.isNotEmpty()
				.allSatisfy(png -> assertThat(Files.size(png)).isGreaterThan(1000));
		}
	}

	/** The rows between each table header of the CSV statement and its TOTAL row, the TOTAL included. */
	private static int lineAndTotalRows(Path csv) {
		int rows = 0;
		boolean inTable = false;
		for (List<String> row : CsvFiles.rows(csv)) {
			if (row.get(0).equals("Code")) {
				inTable = true;
			}
			else if (inTable) {
				rows++;
				inTable = !row.get(0).equals("TOTAL");
			}
		}
		return rows;
	}

	private static String normalise(String text) {
		return text.replace('\u00A0', ' ').strip();
	}

}
