package fr.cds.remuneration.calculette;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import fr.cds.remuneration.cli.CommandLineEntry;
import fr.cds.remuneration.support.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every payment in Chromium: for three sample centres with contracts and médecin-traitant
 * patients, the manager adds a contract slot per contract with the keyboard, types the
 * médecin-traitant patients by category, the supplements and the contracts, and submits; the grand
 * total on the page is the statement's TOTAL GÉNÉRAL. The form and the estimate pass axe-core with
 * no serious or critical violation, and the form is usable 390 px wide (no horizontal scrolling;
 * screenshots in target/screenshots). Every wait is an explicit wait on the page, never a delay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:calculette-every-payment;DB_CLOSE_DELAY=-1")
@ActiveProfiles("serve")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculetteEveryPaymentBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	CommandLineEntry cli;

	@TempDir
	static Path output;

	HeadlessChromium chromium;

	SampleCentreForms samples;

	@BeforeAll
	void annualRunAndBrowser() {
		this.samples = SampleCentreForms.afterTheReadmeRun(this.cli, output);
		this.chromium = new HeadlessChromium();
	}

	@AfterAll
	void closeBrowser() {
		this.chromium.close();
	}

	@Test
	void threeCentresTypedWithEveryPaymentGetTheGrandTotalOfTheirStatement() throws Exception {
		List<String> centres = CalculetteApiTest.threeCentres(this.samples);
		assertThat(centres).hasSize(3);
		for (String finess : centres) {
			estimateInTheBrowser(finess);
		}
	}

	private void estimateInTheBrowser(String finess) throws Exception {
		WebDriver driver = this.chromium.driver();
		driver.manage().window().setSize(new Dimension(1280, 1600));
		driver.get("http://localhost:" + this.port + "/?exercice=2024&type=" + this.samples.type(finess));
		waitFor(By.id("formulaire"));
		int contracts = this.samples.contracts(finess).size();
		while (driver.findElements(By.cssSelector("fieldset.contract")).size() < contracts) {
			int before = driver.findElements(By.cssSelector("fieldset.contract")).size();
			driver.findElement(By.id("ajouter-contrat")).sendKeys(Keys.ENTER);
			wait(driver).until(d -> d.findElements(By.cssSelector("fieldset.contract")).size() == before + 1);
		}
		assertNoSeriousViolation("formulaire " + finess);

		Map<String, String> values = this.samples.fullForm(finess,
				CalculettePages.fieldNames(driver.getPageSource()));
		assertThat(values).containsKeys("mt_MOINS_7_ANS", "contrat_1_type_contrat");
		List<WebElement> controls = driver.findElements(By.cssSelector("#formulaire input:not([type=hidden]), #formulaire select"));
		for (WebElement control : controls) {
			assertThat(driver.findElements(By.cssSelector("label[for='" + control.getAttribute("id") + "']")))
				.as(control.getAttribute("id")).isNotEmpty();
			FormControls.fill(this.chromium.driver(), control, values.getOrDefault(control.getAttribute("name"), ""));
		}
		driver.findElement(By.id("estimer")).sendKeys(Keys.ENTER);
		WebElement grandTotal = waitFor(By.id("total-general"));

		assertThat(CalculettePages.euros(grandTotal.getText())).as(finess)
			.isEqualByComparingTo(this.samples.statementGrandTotal(finess));
		assertThat(CalculettePages.euros(driver.findElement(By.id("total")).getText())).as(finess)
			.isEqualByComparingTo(this.samples.statementTotal(finess));
		assertNoSeriousViolation("estimation " + finess);
		this.chromium.screenshot("calculette-toutes-aides-" + finess);

		driver.manage().window().setSize(new Dimension(390, 844));
		wait(driver).until(d -> ((Number) this.chromium.driver().executeScript("return window.innerWidth")).intValue() <= 390);
		long overflow = (Long) this.chromium.driver()
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
		Object widest = this.chromium.driver()
			.executeScript("return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right"
					+ " > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ')");
		assertThat(overflow).as("horizontal scrolling at 390 px: " + widest).isLessThanOrEqualTo(0);
		this.chromium.screenshot("calculette-390px-" + finess);
	}

	/** axe-core in the page: no violation of impact serious or critical (RGAA relies on the same WCAG criteria). */
	private void assertNoSeriousViolation(String page) {
		Results results = new AxeBuilder().analyze(this.chromium.driver());
		List<String> serious = results.getViolations()
			.stream()
			.filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
			.map(CalculetteEveryPaymentBrowserTest::describe)
			.toList();
		assertThat(serious).as(page).isEmpty();
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
				+ rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).toList();
	}

	private WebElement waitFor(By locator) {
		return wait(this.chromium.driver()).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** A generous bound for a loaded machine: the wait ends as soon as the page is there. */
	private static WebDriverWait wait(WebDriver driver) {
		return new WebDriverWait(driver, Duration.ofSeconds(120));
	}

}
