package fr.cds.remuneration.calculette;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import fr.cds.remuneration.cli.CommandLineEntry;
import fr.cds.remuneration.support.HeadlessChromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calculette in Debian's Chromium, as a centre manager uses it: the exercice and type chosen
 * with the keyboard, the form filled for two sample centres (one open since 1 July 2024, whose
 * opening date is typed), submitted with Enter; the total on the page is the total of the centre's
 * statement from the annual run of the README, and the estimate prints on one A4 page. Impossible
 * values are refused next to their fields. Screenshots land in target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:calculette-browser;DB_CLOSE_DELAY=-1")
@ActiveProfiles("serve")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculetteBrowserTest {

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

	/** 930000013: a polyvalent centre meeting almost everything; 920000015: opened on 1 July 2024. */
	@ParameterizedTest
	@ValueSource(strings = { "930000013", "920000015" })
	void aManagerTypesASampleCentreAndReadsTheTotalOfItsStatement(String finess) throws Exception {
		WebDriver driver = this.chromium.driver();
		this.chromium.consoleErrors();
		driver.get("http://localhost:" + this.port + "/");
		chooseWithTheKeyboard("2024", this.samples.type(finess));

		WebElement form = driver.findElement(By.id("formulaire"));
		List<WebElement> controls = form.findElements(By.cssSelector("input:not([type=hidden]), select"));
		assertThat(controls).isNotEmpty().allSatisfy(control -> assertThat(labelOf(control)).isNotBlank());
		Map<String, String> values = this.samples.form(finess, CalculettePages.fieldNames(driver.getPageSource()));
		for (WebElement control : controls) {
			FormControls.fill(this.chromium.driver(), control, values.getOrDefault(control.getAttribute("name"), ""));
		}
		driver.findElement(By.id("finess")).sendKeys(Keys.ENTER);

		BigDecimal statement = this.samples.statementTotal(finess);
		assertThat(CalculettePages.euros(waitForTotal().getText()))
			.isEqualByComparingTo(statement)
			.isPositive();
		assertThat(this.chromium.consoleErrors()).isEmpty();
		this.chromium.screenshot("calculette-" + finess);
		assertThat(printedPages("calculette-" + finess)).isEqualTo(1);
	}

	@Test
	void impossibleValuesAreRefusedNextToTheirFieldsAndTheTypedValuesKept() throws Exception {
		WebDriver driver = this.chromium.driver();
		driver.get("http://localhost:" + this.port + "/?exercice=2025&type=polyvalent");
		driver.findElement(By.id("finess")).sendKeys("750000010");
		driver.findElement(By.id("etp_infirmier")).sendKeys("deux");
		driver.findElement(By.id("patients_medecin_traitant")).sendKeys("100");
		driver.findElement(By.id("c2s_medecin_traitant")).sendKeys("-5");
		driver.findElement(By.id("ame_medecin_traitant")).sendKeys("150");
		driver.findElement(By.id("patients_file_active_equipe")).sendKeys("120");
		driver.findElement(By.id("estimer")).sendKeys(Keys.ENTER);
		// the refusal answers 422 Unprocessable Content, which Chromium logs as a failed resource:
		// the answer and its log entry arrive after Enter returns, so wait for them
		waitUntil(d -> "problemes".equals(d.switchTo().activeElement().getAttribute("id")));
		List<LogEntry> errors = new ArrayList<>();
		waitUntil(d -> errors.addAll(this.chromium.consoleErrors()) || !errors.isEmpty());
		assertThat(errors).singleElement()
			.satisfies(entry -> assertThat(entry.getMessage()).contains("/estimation").contains("422"));

		assertThat(driver.findElements(By.id("total"))).isEmpty();
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("problemes");
		assertThat(errorOf("etp_infirmier")).isEqualTo("nombre non reconnu");
		assertThat(errorOf("c2s_medecin_traitant")).isEqualTo("nombre négatif : un nombre de patients est positif ou nul");
		assertThat(errorOf("ame_medecin_traitant"))
			.isEqualTo("plus de bénéficiaires de l'AME (150) que de patients dans la liste (100)");
		assertThat(errorOf("patients_file_active_equipe")).isEqualTo("la file active d'équipe (120) ne peut pas"
				+ " dépasser la patientèle médecin traitant (100) dont elle fait partie");
		assertThat(driver.findElement(By.id("c2s_medecin_traitant")).getAttribute("value")).isEqualTo("-5");
		this.chromium.screenshot("calculette-refused");

		// a link of the list of values to correct leads to its field
		driver.findElement(By.cssSelector("#problemes a[href='#c2s_medecin_traitant']")).sendKeys(Keys.ENTER);
		waitUntil(d -> "c2s_medecin_traitant".equals(d.switchTo().activeElement().getAttribute("id")));
		assertThat(this.chromium.consoleErrors()).isEmpty();
	}

	/**
	 * The longest estimates print on at most two pages, the statement letter's bound: a polyvalent
	 * centre open half of the year that meets every indicator at its highest (and employs enough
	 * nurses for the nursing supplement), so that every line is paid and every amount changes in the
	 * comparison (under the same accord, 2024, and across accords, 2025). The estimate is laid out as
	 * the statement (issue 17): each of its 30 paid lines prints with its arithmetic and legal text,
	 * which with the comparison across accords no longer fits one page (the sample centres' estimates
	 * still do, see above).
	 */
	@ParameterizedTest
	@ValueSource(ints = { 2024, 2025 })
	void anEstimateWithEveryIndicatorMetPrintsOnAtMostTwoPages(int exercice) throws Exception {
		WebDriver driver = this.chromium.driver();
		driver.get("http://localhost:" + this.port + "/?exercice=" + exercice + "&type=polyvalent");
		for (WebElement control : driver.findElements(By.cssSelector("#formulaire input:not([type=hidden]), #formulaire select"))) {
			String name = control.getAttribute("name");
			// the forfait's lines are what this test prints: the other payments are left unasked
			if (name.startsWith("contrat_") || name.startsWith("mt_") || name.equals("MAJORATION_SAS")
					|| name.equals("SF_REFERENTE")) {
				continue;
			}
			if (control.getTagName().equals("select")) {
				List<WebElement> options = new Select(control).getOptions();
				boolean yesNo = options.stream().anyMatch(o -> "oui".equals(o.getAttribute("value")));
				FormControls.fill(this.chromium.driver(), control, name.equals("NOUVEAU_CENTRE") ? "" : yesNo ? "oui" : last(options).getAttribute("value"));
			}
			else {
				FormControls.fill(this.chromium.driver(), control, name.equals("etp_infirmier") ? "5" : name.startsWith("etp_") ? "3"
						: name.startsWith("patients_") ? "9000"
						: name.equals("finess") ? "930000013" : name.equals("date_ouverture") ? exercice + "-07-01"
								: control.getAttribute("type").equals("date") || name.equals("raison_sociale") ? ""
										: name.contains("_") ? "900" : "8");
			}
		}
		driver.findElement(By.id("estimer")).sendKeys(Keys.ENTER);

		assertThat(waitForTotal().getText()).isNotEmpty();
		// the annex lists every commitment of the forfait, paid or not
		assertThat(driver.findElements(By.cssSelector(".annex table.lines tr.paid"))).hasSizeGreaterThan(25);
		assertThat(driver.findElements(By.cssSelector(".annex table.lines tr.unpaid"))).isEmpty();
		assertThat(printedPages("calculette-" + exercice + "-everything-met")).isBetween(1, 2);
	}

	private static WebElement last(List<WebElement> elements) {
		return elements.get(elements.size() - 1);
	}

	/**
	 * The choice of exercice and type as a keyboard user makes it: Tab to each list, type the first
	 * letters of the choice, Tab to the button and press Enter.
	 */
	private void chooseWithTheKeyboard(String exercice, String type) {
		WebDriver driver = this.chromium.driver();
		Actions keyboard = new Actions(driver);
		driver.findElement(By.tagName("body")).click();
		while (!"choix-exercice".equals(driver.switchTo().activeElement().getAttribute("id"))) {
			keyboard.sendKeys(Keys.TAB).perform();
		}
		keyboard.sendKeys(exercice).sendKeys(Keys.TAB).sendKeys(type.substring(0, 3)).sendKeys(Keys.TAB).perform();
		assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("afficher");
		keyboard.sendKeys(Keys.ENTER).perform();
		// the form of the chosen exercice is a new page: wait for it rather than read the old one
		waitUntil(d -> !d.findElements(By.id("titre-formulaire")).isEmpty()
				&& d.findElement(By.id("titre-formulaire")).getText().endsWith("exercice " + exercice));
		assertThat(new Select(driver.findElement(By.id("choix-exercice"))).getFirstSelectedOption().getText())
			.isEqualTo(exercice);
	}

	/**
	 * The estimate's total, once the answer to the form is on the page: Enter returns as soon as
	 * the key is sent, the answer comes later, later still on a loaded machine.
	 */
	private WebElement waitForTotal() {
		return waitUntil(d -> d.findElements(By.id("total")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
	}

	/**
	 * An explicit wait for what the page must come to show: polls until {@code condition} holds.
	 * The bound only stops a test whose page never gets there (a failure either way), so it is
	 * generous for a loaded machine; no assertion depends on how long it took.
	 */
	private <T> T waitUntil(java.util.function.Function<WebDriver, T> condition) {
		return new WebDriverWait(this.chromium.driver(), Duration.ofMinutes(2)).ignoring(StaleElementReferenceException.class)
			.until(condition::apply);
	}

	private String labelOf(WebElement control) {
		List<WebElement> labels = this.chromium.driver()
			.findElements(By.cssSelector("label[for='" + control.getAttribute("id") + "']"));
		return labels.isEmpty() ? "" : labels.get(0).getText();
	}

	private String errorOf(String field) {
		return this.chromium.driver().findElement(By.id(field + "-erreur")).getText();
	}

	/** Prints the page on A4 landscape, as the print stylesheet asks, and counts the pages. */
	private int printedPages(String name) throws Exception {
		PrintOptions options = new PrintOptions();
		options.setPageSize(new PageSize(21.0, 29.7));
		options.setOrientation(PrintOptions.Orientation.LANDSCAPE);
		options.setPageMargin(new PageMargin(0.7, 0.7, 0.7, 0.7));
		byte[] pdf = Base64.getDecoder().decode(this.chromium.driver().print(options).getContent());
		Files.createDirectories(HeadlessChromium.SCREENSHOTS);
		Files.write(HeadlessChromium.SCREENSHOTS.resolve(name + ".pdf"), pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
	}

}
