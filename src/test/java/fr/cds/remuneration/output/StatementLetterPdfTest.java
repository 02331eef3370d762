package fr.cds.remuneration.output;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.support.CsvFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statements of the sample centres read as a centre manager reads them, from their PDF through
 * {@code pdftotext}: a letter of at most two pages before the annex, the running header (centre,
 * FINESS, exercice) and {@code page n / N} on every page, no indicator code without its label, and
 * three lines whose arithmetic the test recomputes from the rule data and the input files with
 * BigDecimal. The cases: socle failure, no declaration, pro-rata, nursing supplement, contracts.
 * The regularisation statement's layout is checked by {@link RegularisationLetterPdfTest}.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:statement-letter" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementLetterPdfTest {

	static final Path SAMPLES = Path.of("input-samples");

	static final Path RULES = Path.of("src/main/resources/rulesets/accord-2015.yaml");

	/** socle failure, no declaration, pro-rata and contract, nursing supplement, contracts in a ZIP. */
	static final List<String> CASES = List.of("940000029", "130000029", "920000015", "750000010", "930000013",
			"620000026");

	@Autowired
	AnnualRunLauncher launcher;

	@TempDir
	static Path output;

	Path statements;

	@BeforeAll
	void runTheSamplesWithPdf() {
		var outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, SAMPLES, output,
				RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14), true));
		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		this.statements = output.resolve("2024/statements");
	}

	@Test
	void everyPageCarriesTheHeaderAndItsNumberAndTheLetterTakesAtMostTwoPages() throws Exception {
		for (String finess : CASES) {
			String name = centreName(finess);
			List<String> pages = pages(finess);
			assertThat(pages).as(finess).hasSizeGreaterThan(1);
			for (int i = 0; i < pages.size(); i++) {
				String page = normalise(pages.get(i));
				assertThat(page).as(finess + " page " + (i + 1))
					.contains(name + " — FINESS " + finess + " — exercice 2024")
					.contains("page " + (i + 1) + " / " + pages.size());
			}
			int annex = 0;
			while (annex < pages.size() && !normalise(pages.get(annex)).contains("Annexe — détail des engagements")) {
				annex++;
			}
			assertThat(annex).as(finess + ": the annex starts on page 2 or 3").isBetween(1, 2);
		}
	}

	@Test
	void aCentreWithoutDeclarationIsToldSoInTheFirstLine() throws Exception {
		List<String> lines = normalise(pages("130000029").get(0)).lines().filter(l -> !l.isBlank()).toList();
		// the running header, then the letter's first line
		assertThat(lines.get(0)).contains("FINESS 130000029");
		assertThat(lines.get(1).strip()).startsWith("Aucune déclaration reçue");
		assertThat(normalise(pages("940000029").get(0))).doesNotContain("Aucune déclaration reçue");
	}

	@Test
	void page1NamesTheFailedSocleCommitmentByItsLabel() throws Exception {
		String page1 = normalise(String.join(" ", plainPages("940000029").get(0).split("\n")));
		assertThat(page1).contains("Socle non atteint : « Système d'information, niveau standard »");
		assertThat(page1).contains("Pour percevoir davantage");
	}

	/**
	 * Toulouse Mirail joined in 2024 and declared NOUVEAU_CENTRE: page 1 says why its socle counts
	 * as met in one sentence with one colon (issue 17 §6: « Socle : nouveau centre (…) : socle
	 * réputé atteint » was a slip), and the sentence names its adhesion date, read from centres.csv.
	 */
	@Test
	void aNewCentresSocleIsExplainedWithOneColon() throws Exception {
		LocalDate joined = LocalDate.parse(centre("310000013").get("date_adhesion"));
		assertThat(joined.getYear()).isEqualTo(2024);
		String opening = "Nouveau centre (adhésion le " + String.format("%02d/%02d/%d", joined.getDayOfMonth(),
				joined.getMonthValue(), joined.getYear()) + ")";
		String why = plain("310000013");
		int start = why.indexOf(opening);
		assertThat(start).as(why).isNotNegative();
		String sentence = why.substring(start, why.indexOf('.', start));
		assertThat(sentence).startsWith(opening + ", socle réputé atteint pour son premier exercice : engagements du socle «");
		assertThat(sentence.chars().filter(c -> c == ':').count()).isEqualTo(1);
		assertThat(why).doesNotContain("Socle : nouveau centre");
	}

	/**
	 * A provisional value is marked once, where it matters: the point value on page 1 (not in every
	 * line's arithmetic), never the due date of the payment calendar nor a total; one legend.
	 */
	@Test
	void provisionalValuesAreMarkedOnceWithOneLegend() throws Exception {
		String text = normalise(String.join("\n", pages("750000010")));
		assertThat(text.lines().filter(l -> l.contains("À verser au plus tard le"))).isNotEmpty()
			.allSatisfy(l -> assertThat(l).doesNotContain("*", "†", "provisoire"));
		assertThat(text.lines().filter(l -> l.strip().startsWith("Total"))).isNotEmpty()
			.allSatisfy(l -> assertThat(l).doesNotContain("*", "†"));
		String flat = text.replaceAll("\\s+", " ");
		assertThat(flat.split("7,00 € le point \\*", -1)).hasSize(2);
		assertThat(flat).doesNotContain("× 7,00 € *", "× 7,00 € †");
		assertThat(flat.split("valeur provisoire \\(référence ACI\\) :", -1)).hasSize(2);
		assertThat(flat.split("valeur provisoire \\(non publiée\\) :", -1)).hasSize(2);
	}

	@Test
	void noIndicatorCodeIsPrinted() throws Exception {
		ExerciceRules rules = RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty());
		List<String> codes = new ArrayList<>();
		rules.indicators().forEach(i -> codes.add(i.code()));
		for (String finess : CASES) {
			String text = String.join("\n", pages(finess));
			for (String code : codes) {
				assertThat(Pattern.compile("(?<![A-Z_])" + code + "(?![A-Z_])").matcher(text).find())
					.as(finess + " prints " + code)
					.isFalse();
			}
		}
	}

	/** Proofreading (§6) on every sample centre's statement: see {@link FrenchSlips} for the kinds of slip. */
	@Test
	void noStatementOfTheSamplesHasAFrenchSlip() throws Exception {
		List<String> centres;
		try (var files = Files.list(this.statements)) {
			centres = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pdf"))
				.map(n -> n.substring(0, n.length() - 4)).sorted().toList();
		}
		assertThat(centres).hasSizeGreaterThanOrEqualTo(40);
		for (String finess : centres) {
			// the HTML the PDF is made from: a table cell's text is whole there (pdftotext interleaves
			// the cells of a row whose text wraps)
			assertThat(FrenchSlips.in(FrenchSlips.text(Files.readString(this.statements.resolve(finess + ".html")))))
				.as(finess)
				.isEmpty();
		}
	}

	/**
	 * Three lines recomputed from the rule data (read here with SnakeYAML, not the application's
	 * loader) and the input files: the pro-rata of a centre opened on 1 July, the nursing supplement
	 * of Belleville, and a medical-assistant contract's first year.
	 */
	@Test
	void threeLinesShowTheArithmeticOfTheirOwnNumbers() throws Exception {
		Map<String, Object> yaml = rules();
		BigDecimal pointValue = number(first(list(map(yaml.get("parameters")).get("point_value_eur"))).get("value"));

		// Nanterre, opened on 1 July 2024: ACCES_HORAIRES's points × point value × days open / 366
		Map<String, String> nanterre = centre("920000015");
		LocalDate opened = LocalDate.parse(nanterre.get("date_ouverture"));
		long days = ChronoUnit.DAYS.between(opened, LocalDate.of(2024, 12, 31)) + 1;
		int year = Year.of(2024).length();
		BigDecimal horaires = points(indicator(yaml, "ACCES_HORAIRES"), 0);
		BigDecimal euros = horaires.multiply(pointValue)
			.multiply(BigDecimal.valueOf(days))
			.divide(BigDecimal.valueOf(year), 2, RoundingMode.HALF_UP);
		assertThat(euros).isEqualByComparingTo("2815.30");
		assertThat(plain("920000015")).contains(compact(horaires) + " pts × " + euros(pointValue) + " × " + days + "/"
				+ year + " = " + euros(euros));

		// Belleville's nursing supplement: fixed points + for each indicator part whose indicator the centre
		// declared met (oui, or a count of at least the condition's value), its points × the nurse FTE; × point value
		Map<String, String> belleville = centre("750000010");
		BigDecimal nurses = new BigDecimal(belleville.get("etp_infirmier").replace(',', '.'));
		Map<String, String> answers = declarations("750000010");
		Map<String, Object> supplement = indicator(yaml, "SUPPLEMENT_INFIRMIER");
		BigDecimal fixed = points(supplement, 0);
		BigDecimal total = fixed;
		StringBuilder parts = new StringBuilder();
		List<Object> components = list(supplement.get("components"));
		for (int i = 1; i < components.size(); i++) {
			Map<String, Object> condition = map(map(components.get(i)).get("condition"));
			String answer = answers.getOrDefault((String) condition.get("indicator"), "non");
			BigDecimal declared = answer.equals("oui") ? BigDecimal.ONE
					: answer.equals("non") ? BigDecimal.ZERO : new BigDecimal(answer);
			if (declared.compareTo(number(condition.get("value"))) >= 0) {
				BigDecimal perNurse = points(supplement, i);
				total = total.add(perNurse.multiply(nurses));
				parts.append(" + ").append(compact(perNurse)).append(" pts × ").append(compact(nurses)).append(" ETP");
			}
		}
		assertThat(parts).as("Belleville meets some of the nursing parts' indicators").isNotEmpty();
		BigDecimal nursing = total.multiply(pointValue).setScale(2, RoundingMode.HALF_UP);
		assertThat(plain("750000010")).contains("(" + compact(fixed) + " pts" + parts + ") × " + euros(pointValue)
				+ " = " + euros(nursing));

		// Nanterre's medical-assistant contract, started on 1 July 2024: year 1's amount × FTE × its days
		// in 2024 / the days of the contract's first year
		Map<String, String> contract = contract("920000015");
		LocalDate start = LocalDate.parse(contract.get("date_debut"));
		BigDecimal fte = new BigDecimal(contract.get("etp").replace(',', '.'));
		long inExercice = ChronoUnit.DAYS.between(start, LocalDate.of(2024, 12, 31)) + 1;
		long firstYear = ChronoUnit.DAYS.between(start, start.plusYears(1));
		// the first contract year's amount per FTE
		BigDecimal annual = number(map(list(first(list(contractAid(yaml, "ASSISTANT_MEDICAL").get("values"))).get("years"))
			.get(0)).get("euros"));
		BigDecimal aid = annual.multiply(fte)
			.multiply(BigDecimal.valueOf(inExercice))
			.divide(BigDecimal.valueOf(firstYear), 2, RoundingMode.HALF_UP);
		assertThat(plain("920000015")).contains("année 1 du contrat, " + inExercice + " j sur " + firstYear + " : "
				+ compact(annual) + " € × " + compact(fte) + " ETP × " + inExercice + "/" + firstYear + " = " + euros(aid));
	}

	/** The pages of a statement as {@code pdftotext -layout} gives them. */
	List<String> pages(String finess) throws IOException, InterruptedException {
		String text = pdftotext(this.statements.resolve(finess + ".pdf"), true);
		List<String> pages = new ArrayList<>(Arrays.asList(text.split("\f")));
		pages.removeIf(String::isBlank);
		return pages;
	}

	List<String> plainPages(String finess) throws IOException, InterruptedException {
		return Arrays.asList(pdftotext(this.statements.resolve(finess + ".pdf"), false).split("\f"));
	}

	/**
	 * The text in reading order, one line: a table cell that wraps is read whole (the layout mode
	 * puts the next column's words between its lines).
	 */
	String plain(String finess) throws IOException, InterruptedException {
		return normalise(pdftotext(this.statements.resolve(finess + ".pdf"), false)).replaceAll("\\s+", " ");
	}

	static String pdftotext(Path pdf, boolean layout) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("pdftotext", "-enc", "UTF-8"));
		if (layout) {
			command.add("-layout");
		}
		command.addAll(List.of(pdf.toString(), "-"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(text).isZero();
		return text;
	}

	/** Non-breaking spaces as spaces, runs of spaces as one (the layout mode aligns with spaces). */
	static String normalise(String text) {
		return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll(" {2,}", " ").replace("ﬁ", "fi")
			.replace("ﬀ", "ff");
	}

	static String centreName(String finess) {
		return centre(finess).get("raison_sociale");
	}

	static Map<String, String> centre(String finess) {
		return row(SAMPLES.resolve("centres.csv"), finess);
	}

	/** The centre's declared answers of 2024, by indicator, as declarations.csv gives them. */
	static Map<String, String> declarations(String finess) {
		Map<String, String> answers = new java.util.HashMap<>();
		CsvFiles.rows(SAMPLES.resolve("declarations.csv")).stream()
			.filter(r -> r.get(0).equals(finess) && r.get(1).equals("2024"))
			.forEach(r -> answers.put(r.get(2), r.get(3)));
		return answers;
	}

	static Map<String, String> contract(String finess) {
		return row(SAMPLES.resolve("contracts.csv"), finess);
	}

	static Map<String, String> row(Path csv, String finess) {
		List<List<String>> rows = CsvFiles.rows(csv);
		List<String> header = rows.get(0);
		List<String> row = rows.stream().filter(r -> r.get(0).equals(finess)).findFirst().orElseThrow();
		Map<String, String> cells = new java.util.HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			cells.put(header.get(i), i < row.size() ? row.get(i) : "");
		}
		return cells;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> rules() throws IOException {
		try (InputStream in = Files.newInputStream(RULES)) {
			return (Map<String, Object>) new Yaml().load(in);
		}
	}

	static Map<String, Object> indicator(Map<String, Object> yaml, String code) {
		return list(yaml.get("indicators")).stream().map(StatementLetterPdfTest::map)
			.filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow();
	}

	static Map<String, Object> contractAid(Map<String, Object> yaml, String code) {
		return list(yaml.get("contract_aids")).stream().map(StatementLetterPdfTest::map)
			.filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow();
	}

	/** The points of an indicator's component, from its only dated value (valid in 2024). */
	static BigDecimal points(Map<String, Object> indicator, int component) {
		Map<String, Object> part = map(list(indicator.get("components")).get(component));
		return number(first(list(part.get("values"))).get("points"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object value) {
		return (List<Object>) value;
	}

	static Map<String, Object> first(List<Object> values) {
		assertThat(values).as("one dated value, valid in 2024").hasSize(1);
		return map(values.get(0));
	}

	static BigDecimal number(Object value) {
		return new BigDecimal(String.valueOf(value));
	}

	/** {@code 2 815,30 €}, formatted here rather than with the application's formatter. */
	static String euros(BigDecimal amount) {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols();
		symbols.setGroupingSeparator(' ');
		symbols.setDecimalSeparator(',');
		return new DecimalFormat("#,##0.00", symbols).format(amount) + " €";
	}

	/** {@code 36 000}, {@code 0,5}: as few decimals as needed. */
	static String compact(BigDecimal value) {
		DecimalFormatSymbols symbols = new DecimalFormatSymbols();
		symbols.setGroupingSeparator(' ');
		symbols.setDecimalSeparator(',');
		return new DecimalFormat("#,##0.#####", symbols).format(value);
	}

}
