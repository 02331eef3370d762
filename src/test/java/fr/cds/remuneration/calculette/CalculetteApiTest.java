package fr.cds.remuneration.calculette;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import fr.cds.remuneration.cli.CommandLineEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The calculette's API on the README's annual run: three sample centres with contracts and
 * médecin-traitant patients, posted as JSON with the questions the API itself lists, get the
 * grand total of their statement; refusals are 422 with every field and its path, unknown fields
 * are refused, a large body gets 413, {@code /error} is no 500, CORS is off by default, and the
 * OpenAPI description parses and lists both endpoints.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:calculette-api;DB_CLOSE_DELAY=-1")
@ActiveProfiles("serve")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalculetteApiTest {

	@Autowired
	CommandLineEntry cli;

	@Autowired
	WebApplicationContext context;

	@TempDir
	static Path output;

	SampleCentreForms samples;

	MockMvc mvc;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	void annualRun() {
		this.samples = SampleCentreForms.afterTheReadmeRun(this.cli, output);
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
	}

	/** The three centres of the browser test: médecin-traitant patients and contracts (read from the samples). */
	static List<String> threeCentres(SampleCentreForms samples) {
		return samples.finessNumbers()
			.stream()
			.filter(f -> !samples.contracts(f).isEmpty() && !samples.medecinTraitant(f).isEmpty())
			.filter(f -> samples.statementGrandTotal(f).compareTo(samples.statementTotal(f)) != 0)
			.limit(3)
			.toList();
	}

	@Test
	void threeSampleCentresPostedAsJsonGetTheGrandTotalOfTheirStatement() throws Exception {
		List<String> centres = threeCentres(this.samples);
		assertThat(centres).hasSize(3);
		for (String finess : centres) {
			String type = this.samples.type(finess);
			JsonNode rules = this.json.readTree(body(this.mvc.perform(get("/api/v1/rules/2024/" + type)).andReturn()
				.getResponse(), 200));
			List<String> questions = new ArrayList<>();
			rules.get("sections").forEach(s -> s.get("questions").forEach(q -> questions.add(q.get("nom").asString())));
			assertThat(questions).contains("mt_MOINS_7_ANS", "MAJORATION_SAS");
			Map<String, String> valeurs = new LinkedHashMap<>(this.samples.fullForm(finess, new java.util.HashSet<>(questions)));
			valeurs.keySet().removeIf(name -> name.startsWith("contrat_") || name.equals("exercice") || name.equals("type"));
			Map<String, Object> request = Map.of("exercice", 2024, "type", type, "valeurs", valeurs, "contrats",
					this.samples.contracts(finess));
			JsonNode estimate = this.json.readTree(body(postJson(this.json.writeValueAsString(request)), 200));
			assertThat(new BigDecimal(estimate.get("totalGeneral").asString())).as(finess)
				.isEqualByComparingTo(this.samples.statementGrandTotal(finess));
			assertThat(new BigDecimal(estimate.get("totalForfait").asString())).as(finess)
				.isEqualByComparingTo(this.samples.statementTotal(finess));
			List<String> estimated = new ArrayList<>();
			estimate.get("paiements").forEach(p -> {
				if (p.get("estime").asBoolean()) {
					estimated.add(p.get("paiement").asString());
				}
			});
			assertThat(estimated).as(finess).contains("forfait médecin traitant", "aides sur contrat");
		}
	}

	@Test
	void everyRefusedValueIsListedWithItsPathIn422() throws Exception {
		String request = """
				{"exercice": 2024, "type": "polyvalent",
				 "valeurs": {"finess": "930000013", "etp_infirmier": "deux", "mt_MOINS_7_ANS": "-3", "inconnu": "1"},
				 "contrats": [{"numero_contrat": "A 1", "type_contrat": "ASSISTANT_MEDICAL", "date_debut": "2024-01-01",
				   "date_fin": "", "etp": "1", "zone": "ZIP"}]}""";
		JsonNode refusal = this.json.readTree(body(postJson(request), 422));
		List<String> paths = new ArrayList<>();
		refusal.get("erreurs").forEach(e -> paths.add(e.get("champ").asString()));
		// the unknown name first: nothing is estimated while a name is unknown
		assertThat(paths).containsExactly("valeurs.inconnu");

		JsonNode values = this.json.readTree(body(postJson(request.replace(", \"inconnu\": \"1\"", "")), 422));
		paths.clear();
		values.get("erreurs").forEach(e -> paths.add(e.get("champ").asString()));
		assertThat(paths).containsExactlyInAnyOrder("valeurs.etp_infirmier", "valeurs.mt_MOINS_7_ANS",
				"contrats[0].numero_contrat");
		values.get("erreurs").forEach(e -> assertThat(e.get("message").asString()).isNotBlank());
		assertThat(values.get("message").asString()).isEqualTo("3 valeurs sont à corriger");
	}

	@Test
	void unknownFieldsAreRefusedNotIgnored() throws Exception {
		JsonNode refusal = this.json.readTree(body(postJson(
				"{\"exercice\": 2024, \"type\": \"polyvalent\", \"valeurs\": {}, \"remise\": 10}"), 422));
		assertThat(refusal.get("erreurs").get(0).get("message").asString()).isEqualTo("champ inconnu « remise »");
		JsonNode contract = this.json.readTree(body(postJson(
				"{\"exercice\": 2024, \"type\": \"polyvalent\", \"contrats\": [{\"montant\": 1}]}"), 422));
		assertThat(contract.get("erreurs").get(0).get("champ").asString()).isEqualTo("contrats[0].montant");
		body(postJson("{\"exercice\": 2024,"), 422);
	}

	@Test
	void aBodyOverTheLimitGets413() throws Exception {
		String large = "{\"exercice\": 2024, \"type\": \"polyvalent\", \"valeurs\": {\"raison_sociale\": \""
				+ "x".repeat(70 * 1024) + "\"}}";
		assertThat(body(postJson(large), 413)).contains("Demande trop volumineuse");
	}

	@Test
	void errorsAreNeverA500NorAStackTrace() throws Exception {
		MockHttpServletResponse error = this.mvc.perform(get("/error")).andReturn().getResponse();
		assertThat(error.getStatus()).isEqualTo(404);
		assertThat(error.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Exception").contains("introuvable");
		String unknownRules = body(this.mvc.perform(get("/api/v1/rules/1990/polyvalent")).andReturn().getResponse(), 422);
		assertThat(unknownRules).contains("exercice inconnu");
	}

	@Test
	void corsIsOffByDefault() throws Exception {
		MockHttpServletResponse preflight = this.mvc.perform(options("/api/v1/estimate")
			.header("Origin", "https://www.example.org")
			.header("Access-Control-Request-Method", "POST")).andReturn().getResponse();
		assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void theOpenApiDescriptionParsesAndListsBothEndpoints() throws Exception {
		String document = body(this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse(), 200);
		SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, null);
		assertThat(parsed.getMessages()).isEmpty();
		assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/v1/estimate", "/api/v1/rules/{exercice}/{type}");
		assertThat(parsed.getOpenAPI().getPaths().get("/api/v1/estimate").getPost().getRequestBody().getContent()
			.get("application/json").getExamples()).isNotEmpty();
		assertThat(parsed.getOpenAPI().getPaths().get("/api/v1/estimate").getPost().getResponses()).containsKeys("200",
				"422", "413");
	}

	private MockHttpServletResponse postJson(String body) throws Exception {
		MockHttpServletRequestBuilder request = post("/api/v1/estimate").contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8));
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static String body(MockHttpServletResponse response, int status) throws Exception {
		String body = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.getStatus()).as(body).isEqualTo(status);
		return body;
	}

}
