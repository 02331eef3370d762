package fr.cds.remuneration.impact;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.extract.PatientAggregate;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.reprocess.ReprocessLauncher;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The impact of two drafts on the small exercice 2024 (see AnnualPaymentJobFunctionalTest), paid
 * under the test rule set A (accord-2015@2026.1).
 *
 * <p>Draft D, an amendment file, raises ACCES_HORAIRES from 800 to 900 points and ends FORMATION after 2023. Computed by
 * hand (7 € per point, each line rounded half-up once): the médical centre +700.00 (100 points) and
 * −3,150.00 (its 2 placements × 225 points) = −2,450.00; the dental centre +700.00 (FORMATION does not
 * apply to it); the polyvalent centre, open 92 of 366 days, ACCES_HORAIRES 5,600 × 92/366 = 1,407.65 →
 * 6,300 × 92/366 = 1,583.61, +175.96 (it declared no placement); the nursing centre, socle missed and
 * neither indicator of its type: 0. National: −2,450.00 + 700.00 + 175.96 = −1,574.04. Each region
 * holds one centre: Île-de-France (11) −2,450.00, Auvergne-Rhône-Alpes (84) +700.00,
 * Nouvelle-Aquitaine (75) +175.96, Provence-Alpes-Côte d'Azur (93) 0.
 *
 * <p>Draft E, a full rule-set file, makes FORMATION a socle indicator: the polyvalent centre declared none, misses the socle
 * and loses its whole forfait, −7,217.20; the médical centre declared 2 and keeps it.
 *
 * <p>Only the forfait changes: the other payment streams do not depend on these indicators.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:impact-functional",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
class ImpactFunctionalTest {

	static final Path SMALL_INPUT = Path.of("src/test/resources/annual/small");

	static final String RULES = "src/test/resources/reprocess/rulesets";

	static final Path DRAFT_D = Path.of("src/test/resources/impact/drafts/projet-d.yaml");

	static final Path DRAFT_E = Path.of("src/test/resources/impact/drafts/projet-e.yaml");

	/** Régions of the sample centres' départements (INSEE codes). */
	static final Map<String, String> REGION_OF_DEPARTEMENT = Map.of("75", "11", "69", "84", "13", "93", "33", "75");

	@Autowired
	AnnualRunLauncher annual;

	@Autowired
	ReprocessLauncher reprocess;

	@Autowired
	ImpactService impact;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RunStore runs;

	@TempDir
	Path output;

	/** FINESS of the sample centres by type, read from the inputs. */
	Map<String, String> finess = new HashMap<>();

	Map<String, String> regionOf = new HashMap<>();

	@BeforeEach
	void payTheExerciceUnderRuleSetA() {
		RunTables.empty(this.jdbc);
		List<List<String>> centres = CsvFiles.rows(SMALL_INPUT.resolve("centres.csv"));
		for (List<String> row : centres.subList(1, centres.size())) {
			this.finess.put(row.get(2), row.get(0));
			this.regionOf.put(row.get(0), REGION_OF_DEPARTEMENT.get(row.get(3)));
		}
		JobOutcome paid = this.annual.launch(new AnnualRunLauncher.Request(2024, SMALL_INPUT, this.output, RULES,
				Optional.of("accord-2015@2026.1"), LocalDate.of(2025, 2, 14)));
		assertThat(paid.exitCode()).as(paid.message()).isEqualTo(ExitCode.OK);
	}

	@Test
	void twoDraftsGiveTheHandComputedDifferencesAndARealReprocessingPaysExactlyThem() throws IOException {
		Map<String, Integer> before = repositoryAndLedgerCounts();

		ImpactService.Outcome outcome = this.impact.run(new ImpactService.Request(2024, List.of(DRAFT_D, DRAFT_E),
				Optional.empty(), Optional.empty(), Optional.empty(), this.output, Optional.empty()));

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImpactService.Status.DONE);
		assertThat(repositoryAndLedgerCounts()).as("impact writes no job, result or ledger entry").isEqualTo(before);
		Path out = this.output.resolve("impact/2024-projet-d+projet-e");
		assertThat(outcome.directory()).contains(out);

		String medical = this.finess.get("medical");
		String dental = this.finess.get("dentaire");
		String nursing = this.finess.get("infirmier");
		String polyvalent = this.finess.get("polyvalent");
		// per centre, draft D: forfait and all streams differ by the same amount
		Map<String, List<String>> d = centreRows(out, "projet-d");
		Map<String, BigDecimal> expectedD = Map.of(medical, eur("-2450.00"), dental, eur("700.00"), polyvalent,
				eur("175.96"), nursing, eur("0.00"));
		Map<String, BigDecimal> expectedE = Map.of(medical, eur("0.00"), dental, eur("0.00"), polyvalent,
				eur("-7217.20"), nursing, eur("0.00"));
		List<String> header = CsvFiles.rows(out.resolve("centres.csv")).get(0);
		expectedD.forEach((f, diff) -> {
			assertThat(amount(d.get(f), header, "forfait_ecart_eur")).as(f).isEqualTo(diff);
			assertThat(amount(d.get(f), header, "total_ecart_eur")).as(f).isEqualTo(diff);
		});
		assertThat(cell(d.get(medical), header, "indicateurs_modifies")).isEqualTo("ACCES_HORAIRES FORMATION");
		assertThat(cell(d.get(nursing), header, "indicateurs_modifies")).isEmpty();
		// before = what the ledger holds for the centre under A, stream by stream
		for (String stream : List.of("FORFAIT", "MEDECIN_TRAITANT", "SUPPLEMENTS_ACTES", "AIDES_CONTRAT")) {
			Map<String, BigDecimal> paid = ledger(stream);
			for (String f : expectedD.keySet()) {
				assertThat(amount(d.get(f), header, stream.toLowerCase() + "_avant_eur")).as(f + " " + stream)
					.isEqualTo(paid.getOrDefault(f, eur("0.00")));
			}
		}
		Map<String, List<String>> e = centreRows(out, "projet-e");
		expectedE.forEach((f, diff) -> assertThat(amount(e.get(f), header, "total_ecart_eur")).as(f).isEqualTo(diff));
		assertThat(cell(e.get(polyvalent), header, "socle_avant")).isEqualTo("atteint");
		assertThat(cell(e.get(polyvalent), header, "socle_apres")).isEqualTo("non atteint");

		// national, by stream, by region
		Map<String, BigDecimal> totalsD = totals(out, "projet-d");
		assertThat(totalsD.get("NATIONAL|NATIONAL")).isEqualTo(eur("-1574.04"));
		assertThat(totalsD.get("FLUX|FORFAIT")).isEqualTo(eur("-1574.04"));
		assertThat(totalsD.get("FLUX|MEDECIN_TRAITANT")).isEqualTo(eur("0.00"));
		assertThat(totalsD.get("REGION|" + this.regionOf.get(medical))).isEqualTo(eur("-2450.00"));
		assertThat(totalsD.get("REGION|" + this.regionOf.get(dental))).isEqualTo(eur("700.00"));
		assertThat(totalsD.get("REGION|" + this.regionOf.get(polyvalent))).isEqualTo(eur("175.96"));
		assertThat(totalsD.get("REGION|" + this.regionOf.get(nursing))).isEqualTo(eur("0.00"));
		assertThat(totalsD.get("TYPE|M")).isEqualTo(eur("-2450.00"));
		assertThat(totals(out, "projet-e").get("NATIONAL|NATIONAL")).isEqualTo(eur("-7217.20"));
		List<List<String>> totalRows = CsvFiles.rows(out.resolve("totals.csv"));
		List<String> forfaitD = totalRows.stream()
			.filter(r -> r.get(0).equals("projet-d") && r.get(4).equals("FORFAIT"))
			.findFirst()
			.orElseThrow();
		// the forfait paid under A (25,571.71 + 23,114.88 + 0 + 7,217.20) and under D
		assertThat(forfaitD.subList(7, 10)).containsExactly("55903,79", "54329,75", "-1574,04");

		// distribution: D has 2 gains, 1 loss, 1 unchanged; sorted −2,450.00, 0, 175.96, 700.00, the
		// k-th decile is at rank ⌈4k/10⌉: D1–D2 rank 1, D3–D5 rank 2, D6–D7 rank 3, D8–D9 rank 4
		List<List<String>> distribution = CsvFiles.rows(out.resolve("distribution.csv"));
		assertThat(distribution.get(1).subList(0, 9)).containsExactly("projet-d", "accord-2015@2026.8", "4", "2", "1",
				"1", "875,96", "-2450,00", "-2450,00");
		assertThat(distribution.get(1).subList(9, 20)).containsExactly("-2450,00", "-2450,00", "0,00", "0,00", "0,00",
				"175,96", "175,96", "700,00", "700,00", "700,00", "0");
		assertThat(distribution.get(2).subList(2, 6)).containsExactly("4", "0", "1", "3");
		assertThat(distribution.get(2).get(19)).isEqualTo("1");

		// the XLSX holds the same rows, FINESS as text
		try (InputStream in = Files.newInputStream(out.resolve("centres.xlsx"));
				XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheet("Centres");
			assertThat(sheet.getLastRowNum()).isEqualTo(8);
			int finessColumn = header.indexOf("finess");
			int difference = header.indexOf("total_ecart_eur");
			for (int r = 1; r <= 8; r++) {
				Row row = sheet.getRow(r);
				assertThat(row.getCell(finessColumn).getCellType()).isEqualTo(CellType.STRING);
				String f = row.getCell(finessColumn).getStringCellValue();
				Map<String, BigDecimal> expected = row.getCell(0).getStringCellValue().equals("projet-d") ? expectedD
						: expectedE;
				assertThat(BigDecimal.valueOf(row.getCell(difference).getNumericCellValue()).setScale(2))
					.isEqualTo(expected.get(f));
			}
		}
		assertThat(Files.readString(out.resolve("synthese.txt"))).contains("Projet « projet-d »",
				"soit -1\u00A0574,04\u00A0€", "2 centres en hausse", "1 centre en baisse",
				"1 centre(s) ne l'atteignent plus");

		// a real re-processing under draft D (installed next to A) pays exactly the differences impact predicted
		Path rules = Files.createDirectories(this.output.resolve("rules"));
		Files.copy(Path.of(RULES, "accord-2015-A.yaml"), rules.resolve("accord-2015-A.yaml"));
		Files.copy(DRAFT_D, rules.resolve("projet-d.yaml"));
		JobOutcome paid = this.reprocess.launch(new ReprocessLauncher.Request(2024, Optional.of("accord-2015@2026.8"),
				rules.toString(), List.of(), Optional.empty(), Optional.empty(), this.output, Optional.empty()));
		assertThat(paid.exitCode()).as(paid.message()).isEqualTo(ExitCode.OK);
		Map<String, BigDecimal> regularised = new TreeMap<>();
		this.jdbc.query("SELECT FINESS, STREAM, AMOUNT_EUR FROM PAYMENT_LEDGER WHERE KIND = 'REGULARISATION'", rs -> {
			regularised.put(rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3));
		});
		Map<String, BigDecimal> predicted = new TreeMap<>();
		d.forEach((f, row) -> {
			for (String stream : List.of("FORFAIT", "MEDECIN_TRAITANT", "SUPPLEMENTS_ACTES", "AIDES_CONTRAT")) {
				BigDecimal difference = amount(row, header, stream.toLowerCase() + "_ecart_eur");
				if (difference.signum() != 0) {
					predicted.put(f + "|" + stream, difference);
				}
			}
		});
		assertThat(regularised).isEqualTo(predicted).hasSize(3);
	}

	/**
	 * The snapshot's bulk read of the patient aggregates (one query, the JSON parsed on every core)
	 * gives each centre the aggregate of the one-centre read (its own queries, parsed one by one).
	 */
	@Test
	void theBulkReadOfThePatientAggregatesEqualsTheOneCentreRead() {
		long runId = this.jdbc.queryForObject("SELECT MAX(RUN_ID) FROM RUN_PATIENT_AGGREGATE", Long.class);

		Map<String, PatientAggregate> bulk = this.runs.patientAggregates(runId);

		assertThat(bulk.keySet()).containsExactlyInAnyOrderElementsOf(this.finess.values().stream()
			.filter(f -> !this.runs.patientAggregate(runId, f).equals(PatientAggregate.EMPTY))
			.toList());
		for (String centre : bulk.keySet()) {
			assertThat(bulk.get(centre)).as(centre).isEqualTo(this.runs.patientAggregate(runId, centre));
		}
	}

	@Test
	void aCentreStatementBeforeAndAfterLineByLine() {
		String medical = this.finess.get("medical");

		ImpactService.Outcome outcome = this.impact.run(new ImpactService.Request(2024, List.of(DRAFT_D),
				Optional.empty(), Optional.empty(), Optional.of(medical), this.output, Optional.empty()));

		assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImpactService.Status.DONE);
		String text = outcome.centreText();
		assertThat(text).contains("Centre " + medical, "Avant : règles accord-2015@2026.1",
				"après : projet « projet-d » (accord-2015@2026.8)", "Socle : atteint → atteint");
		assertThat(line(text, "ACCES_HORAIRES")).contains("5\u00A0600,00\u00A0€", "6\u00A0300,00\u00A0€",
				"+700,00\u00A0€", "Projet d'avenant D");
		assertThat(line(text, "FORMATION")).contains("3\u00A0150,00\u00A0€", "0,00\u00A0€", "-3\u00A0150,00\u00A0€");
		assertThat(line(text, "Tous paiements")).contains("-2\u00A0450,00\u00A0€");
		assertThat(this.output.resolve("impact")).doesNotExist();
	}

	@Test
	void aBadDraftIsRefusedWithItsFileAndLineAndAnExerciceNotPaidToo() throws IOException {
		Path draft = this.output.resolve("projet-faute.yaml");
		Files.writeString(draft, Files.readString(DRAFT_D).replace("last: 2023", "last: deux-mille-vingt-trois"));

		ImpactService.Outcome refused = this.impact.run(new ImpactService.Request(2024, List.of(draft), Optional.empty(),
				Optional.empty(), Optional.empty(), this.output, Optional.empty()));
		ImpactService.Outcome notPaid = this.impact.run(new ImpactService.Request(2023, List.of(DRAFT_D),
				Optional.empty(), Optional.empty(), Optional.empty(), this.output, Optional.empty()));

		assertThat(refused.status()).isEqualTo(ImpactService.Status.RULES_REFUSED);
		assertThat(refused.message()).contains("projet-faute.yaml:17", "deux-mille-vingt-trois");
		assertThat(notPaid.status()).isEqualTo(ImpactService.Status.NO_SNAPSHOT);
		assertThat(notPaid.message()).contains("2023", "traitement annuel");
		assertThat(this.output.resolve("impact")).doesNotExist();
	}

	private Map<String, Integer> repositoryAndLedgerCounts() {
		Map<String, Integer> counts = new TreeMap<>();
		for (String table : List.of("BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_STEP_EXECUTION",
				"PAYMENT_LEDGER", "CENTRE_RESULT", "RUN_SETTLEMENT", "REPROCESS_RUN", "RUN_CENTRE")) {
			counts.put(table, this.jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
		}
		return counts;
	}

	private Map<String, BigDecimal> ledger(String stream) {
		Map<String, BigDecimal> net = new TreeMap<>();
		this.jdbc.query("SELECT FINESS, SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER WHERE EXERCICE = 2024 AND STREAM = ?"
				+ " GROUP BY FINESS", rs -> {
					net.put(rs.getString(1), rs.getBigDecimal(2));
				}, stream);
		return net;
	}

	/** centres.csv rows of a draft, by FINESS. */
	private static Map<String, List<String>> centreRows(Path out, String draft) {
		Map<String, List<String>> rows = new TreeMap<>();
		List<List<String>> all = CsvFiles.rows(out.resolve("centres.csv"));
		int finess = all.get(0).indexOf("finess");
		all.stream().skip(1).filter(r -> r.get(0).equals(draft)).forEach(r -> rows.put(r.get(finess), r));
		return rows;
	}

	/** totals.csv differences of a draft, by {@code level|code}. */
	private static Map<String, BigDecimal> totals(Path out, String draft) {
		Map<String, BigDecimal> totals = new TreeMap<>();
		CsvFiles.rows(out.resolve("totals.csv"))
			.stream()
			.skip(1)
			.filter(r -> r.get(0).equals(draft))
			.forEach(r -> totals.put(r.get(3) + "|" + r.get(4), CsvFiles.frenchNumber(r.get(9))));
		return totals;
	}

	private static String cell(List<String> row, List<String> header, String column) {
		return row.get(header.indexOf(column));
	}

	private static BigDecimal amount(List<String> row, List<String> header, String column) {
		return CsvFiles.frenchNumber(cell(row, header, column));
	}

	private static BigDecimal eur(String amount) {
		return new BigDecimal(amount);
	}

	private static String line(String text, String start) {
		return text.lines().filter(l -> l.strip().startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
				"no line starting with " + start + " in:\n" + text));
	}

}
