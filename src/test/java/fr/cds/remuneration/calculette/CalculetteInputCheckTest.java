package fr.cds.remuneration.calculette;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Input checking in the calculette's form: an impossible value is refused (422) with its message
 * next to its field, the value typed is shown back, and nothing is computed; the choice of an
 * unknown exercice or type is refused the same way. Nothing is stored: no table of the database
 * changes, no session is opened, and the browser is asked not to keep the page.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:calculette-same-result;DB_CLOSE_DELAY=-1")
@ActiveProfiles("serve")
class CalculetteInputCheckTest {

	private static final Pattern ERROR = Pattern.compile("id=\"([^\"]+)-erreur\"[^>]*>([^<]*)<");

	@Autowired
	WebApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void impossibleValuesAreRefusedWithAMessageNextToTheirField() throws Exception {
		Map<String, String> form = new LinkedHashMap<>(Map.of("exercice", "2024", "type", "medical", "finess",
				"75000001", "date_ouverture", "2024-06-01", "date_fermeture", "2024-03-31", "etp_medecin_generaliste",
				"-1", "etp_infirmier", "400", "patients_medecin_traitant", "100", "c2s_medecin_traitant", "101",
				"ame_medecin_traitant", "x"));
		form.put("PROTOCOLES", "-2");
		form.put("COORDINATION", "peut-être");

		MvcResult result = perform(post("/estimation"), form);

		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		String page = content(result);
		assertThat(errors(page)).containsExactlyInAnyOrderEntriesOf(Map.of(
				"finess", "FINESS mal formé (9 caractères attendus, commençant par le département)",
				"date_fermeture", "fermeture antérieure à l'ouverture",
				"etp_medecin_generaliste", "valeur négative",
				"etp_infirmier", "valeur invraisemblable (plus de 300)",
				"c2s_medecin_traitant", "plus de bénéficiaires de la C2S (101) que de patients dans la liste (100)",
				"ame_medecin_traitant", "« x » n'est pas un nombre entier de patients",
				"PROTOCOLES", "valeur non reconnue (attendu : un nombre entier positif ou nul)",
				"COORDINATION", "valeur non reconnue (attendu : oui ou non)"));
		assertLinksOfTheListLeadToTheirFields(page);
		assertThat(page).doesNotContain("id=\"total\"")
			.contains("8 valeurs sont à corriger")
			.contains("id=\"etp_medecin_generaliste\" name=\"etp_medecin_generaliste\" value=\"-1\"");
	}

	@Test
	void anUnknownExerciceOrTypeIsRefusedNextToTheChoice() throws Exception {
		MvcResult unknownYear = perform(get("/"), Map.of("exercice", "1999", "type", "medical"));
		assertThat(unknownYear.getResponse().getStatus()).isEqualTo(422);
		assertThat(errors(content(unknownYear))).hasSize(1)
			.hasEntrySatisfying("choix-exercice", message -> assertThat(message).startsWith("exercice inconnu : « 1999 » (de 2016 à "));
		assertThat(content(unknownYear)).doesNotContain("id=\"formulaire\"");
		assertLinksOfTheListLeadToTheirFields(content(unknownYear));

		MvcResult notAYear = perform(post("/estimation"), Map.of("exercice", "deux mille", "type", "hôpital"));
		assertThat(notAYear.getResponse().getStatus()).isEqualTo(422);
		assertThat(content(notAYear)).contains("exercice inconnu : « deux mille »")
			.contains("type de centre inconnu : « hôpital »")
			.doesNotContain("id=\"total\"");
	}

	@Test
	void nothingIsStored() throws Exception {
		Map<String, Long> before = rowsByTable();
		Map<String, String> centre = Map.of("exercice", "2025", "type", "dentaire", "finess", "750000028",
				"zone", "HORS_ZONE", "etp_chirurgien_dentiste", "6", "patients_file_active", "1200",
				"c2s_file_active", "100", "COORDINATION", "oui");
		MvcResult estimated = perform(post("/estimation"), centre);
		MvcResult refused = perform(post("/estimation"), Map.of("exercice", "2025", "type", "dentaire", "finess", "x"));

		assertThat(content(estimated)).contains("id=\"total\"");
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		for (MvcResult result : List.of(estimated, refused)) {
			MockHttpServletResponse response = result.getResponse();
			assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
			assertThat(response.getHeader(HttpHeaders.SET_COOKIE)).isNull();
			assertThat(result.getRequest().getSession(false)).isNull();
		}
		assertThat(rowsByTable()).isEqualTo(before);
	}

	private MvcResult perform(MockHttpServletRequestBuilder request, Map<String, String> parameters) throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).build();
		parameters.forEach(request::param);
		return mvc.perform(request).andReturn();
	}

	private static String content(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The message shown next to each field in error, by field. */
	private static Map<String, String> errors(String page) {
		Map<String, String> errors = new LinkedHashMap<>();
		Matcher matcher = ERROR.matcher(page);
		while (matcher.find()) {
			errors.put(matcher.group(1), HtmlUtils.htmlUnescape(matcher.group(2)));
		}
		return errors;
	}

	/** Each link of the list of values to correct leads to an element of the page: its field. */
	private static void assertLinksOfTheListLeadToTheirFields(String page) {
		Matcher links = Pattern.compile("<li><a href=\"#([^\"]+)\"").matcher(page);
		int count = 0;
		while (links.find()) {
			assertThat(page).containsPattern("<(input|select)[^>]*\\sid=\"" + Pattern.quote(links.group(1)) + "\"");
			count++;
		}
		assertThat(count).isPositive();
	}

	/** The number of rows of every table of the database. */
	private Map<String, Long> rowsByTable() {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : this.jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
				+ " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME", String.class)) {
			rows.put(table, this.jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class));
		}
		assertThat(rows).isNotEmpty();
		return rows;
	}

}
