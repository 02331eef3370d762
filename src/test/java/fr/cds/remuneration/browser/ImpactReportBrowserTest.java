package fr.cds.remuneration.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.impact.ImpactService;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The impact report of two drafts as Chromium shows it: its national totals are those of
 * {@code totals.csv}, it draws its charts and it fetches nothing (no script, link or image).
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:browser-impact",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
class ImpactReportBrowserTest {

	static final Path SMALL = Path.of("src/test/resources/annual/small");

	static final String RULES = "src/test/resources/reprocess/rulesets";

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	ImpactService impact;

	@TempDir
	Path output;

	@Test
	void theReportShowsTheTotalsOfTheCsvAndItsCharts() throws Exception {
		var paid = this.launcher.launch(new AnnualRunLauncher.Request(2024, SMALL, this.output, RULES,
				Optional.of("accord-2015@2026.1"), LocalDate.of(2025, 2, 14)));
		assertThat(paid.exitCode()).as(paid.message()).isEqualTo(ExitCode.OK);
		var outcome = this.impact.run(new ImpactService.Request(2024,
				List.of(Path.of("src/test/resources/impact/drafts/projet-d.yaml"),
						Path.of("src/test/resources/impact/drafts/projet-e.yaml")),
				Optional.empty(), Optional.empty(), Optional.empty(), this.output, Optional.of("deux-projets")));
		assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImpactService.Status.DONE);
		Path out = this.output.resolve("impact/deux-projets");
		List<List<String>> national = CsvFiles.rows(out.resolve("totals.csv"))
			.stream()
			.filter(row -> row.get(3).equals("NATIONAL"))
			.toList();
		assertThat(national).hasSize(2);

		try (HeadlessChromium chromium = new HeadlessChromium()) {
			chromium.driver().get(out.resolve("impact.html").toUri().toString());
			new WebDriverWait(chromium.driver(), Duration.ofMinutes(2))
				.until(ExpectedConditions.presenceOfElementLocated(By.id("difference-1")));
			assertThat(chromium.consoleErrors()).isEmpty();
			for (int i = 0; i < national.size(); i++) {
				List<String> row = national.get(i);
				assertThat(text(chromium, "before-" + i)).isEqualTo(euros(row.get(7)));
				assertThat(text(chromium, "after-" + i)).isEqualTo(euros(row.get(8)));
				assertThat(text(chromium, "difference-" + i).replace("+", "")).isEqualTo(euros(row.get(9)));
			}
			assertThat(text(chromium, "difference-0")).isEqualTo("-1 574,04 €");
			assertThat(text(chromium, "difference-1")).isEqualTo("-7 217,20 €");
			// three charts per draft, bars drawn for the regions that move
			assertThat(chromium.driver().findElements(By.tagName("svg"))).hasSize(6);
			assertThat(chromium.driver().findElements(By.cssSelector("svg rect.down"))).isNotEmpty();
			assertThat(chromium.driver().findElements(By.cssSelector("table.socle tr"))).hasSize(2);
			assertThat(chromium.driver().findElements(By.cssSelector("script, link, img, iframe, [src]"))).isEmpty();
			chromium.screenshot("impact-2024");
		}
	}

	private static String text(HeadlessChromium chromium, String id) {
		return chromium.driver().findElement(By.id(id)).getText().replace('\u00A0', ' ').strip();
	}

	private static String euros(String cell) {
		return FrenchFormat.euros(CsvFiles.frenchNumber(cell)).replace('\u00A0', ' ');
	}

}
