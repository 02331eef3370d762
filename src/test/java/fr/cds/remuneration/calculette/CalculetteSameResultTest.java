package fr.cds.remuneration.calculette;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import fr.cds.remuneration.cli.CommandLineEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Same engine, same result, same layout: the README's annual run on {@code input-samples}, then, for every one
 * of its 40 centres, the calculette's form (for the centre's type) filled with what the manager
 * would type — the centre's row, its answers, its patient counts folded from patients.csv by the
 * test — and posted: the estimate on the page is the total of the centre's statement, to the cent.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:calculette-same-result;DB_CLOSE_DELAY=-1")
@ActiveProfiles("serve")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculetteSameResultTest {

	@Autowired
	CommandLineEntry cli;

	@Autowired
	WebApplicationContext context;

	@TempDir
	static Path output;

	SampleCentreForms samples;

	@BeforeAll
	void annualRun() {
		this.samples = SampleCentreForms.afterTheReadmeRun(this.cli, output);
	}

	@Test
	void everySampleCentreIsEstimatedAtTheTotalOfItsStatement() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		SampleCentreForms samples = this.samples;
		assertThat(samples.finessNumbers()).hasSize(40);
		int paid = 0;
		for (String finess : samples.finessNumbers()) {
			String form = page(mvc, get("/").param("exercice", "2024").param("type", samples.type(finess)), 200);
			Set<String> fields = CalculettePages.fieldNames(form);
			MockHttpServletRequestBuilder estimate = post("/estimation");
			samples.form(finess, fields).forEach(estimate::param);
			String page = page(mvc, estimate, 200);
			BigDecimal statement = samples.statementTotal(finess);
			assertThat(CalculettePages.total(page)).as(finess).isEqualByComparingTo(statement);
			paid += statement.signum() > 0 ? 1 : 0;
		}
		// the README names four centres that fail the socle: the others are paid
		assertThat(paid).isEqualTo(36);
	}

	/**
	 * Every payment, not the forfait alone: the form filled also with the médecin-traitant patients
	 * by FPMT category (folded from patients.csv by the test), the per-act supplements declared and
	 * every contract of contracts.csv; the page's grand total is the statement's TOTAL GÉNÉRAL.
	 */
	@Test
	void everySampleCentreIsEstimatedAtTheGrandTotalOfItsStatement() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		SampleCentreForms samples = this.samples;
		int withOtherPayments = 0;
		int withArithmetic = 0;
		for (String finess : samples.finessNumbers()) {
			String form = page(mvc, get("/").param("exercice", "2024").param("type", samples.type(finess)), 200);
			MockHttpServletRequestBuilder estimate = post("/estimation");
			samples.fullForm(finess, CalculettePages.fieldNames(form)).forEach(estimate::param);
			String page = page(mvc, estimate, 200);
			BigDecimal grandTotal = samples.statementGrandTotal(finess);
			assertThat(CalculettePages.grandTotal(page)).as(finess).isEqualByComparingTo(grandTotal);
			// one layout: the estimate shows each line with the statement's own arithmetic (the lines
			// that pay something: a supplement the centre declared none of is left empty in the form,
			// so not estimated, where the statement shows it at 0 act)
			List<String> lines = paying(CalculettePages.arithmetic(page));
			withArithmetic += lines.isEmpty() ? 0 : 1;
			assertThat(lines).as(finess)
				.containsExactlyElementsOf(paying(CalculettePages.arithmetic(
						Files.readString(output.resolve("2024/statements/" + finess + ".html")))));
			if (CalculettePages.fieldNames(form).contains("mt_MOINS_7_ANS")) {
				assertThat(page).as(finess).doesNotContain("Non estimé : aucun nombre de patients médecin traitant");
			}
			if (!samples.contracts(finess).isEmpty()) {
				assertThat(page).as(finess).doesNotContain("Non estimé : aucun contrat");
			}
			withOtherPayments += grandTotal.compareTo(samples.statementTotal(finess)) != 0 ? 1 : 0;
		}
		// the test means something only if other payments change the total of many centres
		assertThat(withOtherPayments).isGreaterThan(20);
		// and the arithmetic is compared for every centre paid something (36: the socle failures pay nothing)
		assertThat(withArithmetic).isGreaterThanOrEqualTo(36);
	}

	/** The forfait's values alone: each other payment says it is not estimated, none shows 0 €. */
	@Test
	void aPaymentNotAskedIsSaidNotEstimatedInsteadOfZero() throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		String finess = "930000013";
		String form = page(mvc, get("/").param("exercice", "2024").param("type", this.samples.type(finess)), 200);
		MockHttpServletRequestBuilder estimate = post("/estimation");
		this.samples.form(finess, CalculettePages.fieldNames(form)).forEach((name, value) -> {
			if (!name.equals("MAJORATION_SAS") && !name.equals("SF_REFERENTE")) {
				estimate.param(name, value);
			}
		});
		String page = page(mvc, estimate, 200);
		assertThat(page).contains("Non estimé : aucun nombre de patients médecin traitant par catégorie n&#39;a été saisi.")
			.contains("Non estimé : aucun nombre d&#39;actes n&#39;a été saisi.")
			.contains("Non estimé : aucun contrat n&#39;a été saisi");
		assertThat(CalculettePages.grandTotal(page)).isEqualByComparingTo(CalculettePages.total(page));
	}

	private static java.util.List<String> paying(java.util.List<String> arithmetic) {
		// the amounts end with a no-break space before the euro sign
		return arithmetic.stream().filter(a -> !a.isEmpty() && !a.matches("(?s).*= 0,00[\\s\\u00A0\\u202F]€")).toList();
	}

	static String page(MockMvc mvc, MockHttpServletRequestBuilder request, int status) throws Exception {
		var response = mvc.perform(request).andReturn().getResponse();
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(html).isEqualTo(status);
		return html;
	}

}
