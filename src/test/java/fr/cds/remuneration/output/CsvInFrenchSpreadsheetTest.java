package fr.cds.remuneration.output;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.cds.remuneration.annual.AnnualPaymentJobConfiguration;
import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.impact.ImpactService;
import fr.cds.remuneration.input.Reject;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.snapshot.RunStore;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.LibreOfficeCalc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run's CSV files and the regions' workbook opened in LibreOffice Calc as a French user opens
 * them (issue 17, §7), read back cell by cell: a FINESS such as 060000015 and a region code such as
 * 04 (La Réunion) stay codes only where docs/pdf-and-csv.md says they do. The CSV files stay plain
 * for the machines that read them; people open the workbook, whose code cells are text, or import a
 * CSV with its code columns typed as text, the procedure the documentation gives.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:csv-in-spreadsheet" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsvInFrenchSpreadsheetTest {

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	RunStore store;

	@Autowired
	ImpactService impact;

	@TempDir
	static Path work;

	Path out;

	/** A sample centre whose FINESS starts with 0 (Alpes-Maritimes), read from the inputs. */
	String finess;

	/** Its name, read from the inputs too (accents: the BOM and UTF-8). */
	String name;

	/**
	 * rejects.csv and centres-en-attente.csv, written by the run's own writers for that centre: the
	 * sample run holds no centre and rejects no row of a FINESS starting with 0.
	 */
	Path rejects;

	Path held;

	LibreOfficeCalc calc;

	@BeforeAll
	void runTheSamples() {
		this.calc = new LibreOfficeCalc(work);
		var outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, Path.of("input-samples"), work.resolve("output"),
				RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14)));
		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		this.out = work.resolve("output/2024");
		List<String> centre = CsvFiles.rows(Path.of("input-samples/centres.csv")).stream().skip(1)
			.filter(r -> r.get(0).startsWith("0")).findFirst().orElseThrow();
		this.finess = centre.get(0);
		this.name = centre.get(1);
		this.rejects = work.resolve("written/rejects.csv");
		this.held = work.resolve("written/" + HeldCentresWriter.HELD_CENTRES);
		RejectsFileWriter.write(this.rejects, List.of(new Reject("declarations.csv", 12, this.finess, "valeur", "peut-être",
				"réponse ni oui ni non")));
		HeldCentresWriter.writeList(this.held, List.of(new HeldCentre(this.finess, this.name, "polyvalent",
				"Provence-Alpes-Côte d'Azur", List.of("aucun patient dans l'extrait"))));
	}

	/**
	 * Opened as it comes (every column "standard", the import dialog's proposal), the codes become
	 * numbers: 060000015 → 60000015, 04 → 4. This is why people get the workbook or the import with
	 * text columns; the CSV itself is not changed (a {@code ="060000015"} cell would show the code
	 * but breaks every other reader of the file, the payer's systems first).
	 */
	@Test
	void openedAsItComesACsvLosesTheLeadingZeros() throws Exception {
		Path xlsx = work.resolve("standard");
		this.calc.toXlsx(LibreOfficeCalc.FRENCH_CSV.formatted(""), xlsx, statementCsv(), summaryCsv(), paymentsCsv(),
				this.rejects, this.held);
		assertThat(LibreOfficeCalc.cell(xlsx.resolve(this.finess + ".xlsx"), 1, 1))
			.isEqualTo("number:" + Long.parseLong(this.finess));
		assertThat(LibreOfficeCalc.cell(xlsx.resolve("rejects.xlsx"), 1, 2)).isEqualTo("number:" + Long.parseLong(this.finess));
		assertThat(LibreOfficeCalc.cell(xlsx.resolve("centres-en-attente.xlsx"), 1, 0))
			.isEqualTo("number:" + Long.parseLong(this.finess));
		assertThat(LibreOfficeCalc.cell(xlsx.resolve("regional-summary.xlsx"), reunionRow(), 0)).isEqualTo("number:4");
		assertThat(LibreOfficeCalc.cell(xlsx.resolve("payments.xlsx"), paymentsRow(), 0))
			.isEqualTo("number:" + Long.parseLong(this.finess));
	}

	/**
	 * Imported as docs/pdf-and-csv.md says (code columns typed as text, separator ;, UTF-8), every
	 * code keeps its zeros, the accents come out right (the BOM and UTF-8) and the amounts are numbers
	 * (the decimal comma of a French spreadsheet).
	 */
	@Test
	void importedWithTextCodeColumnsTheCodesKeepTheirZeros() throws Exception {
		Path xlsx = work.resolve("text-columns");
		// columns 1 to 3 as text: the code columns of these files (FINESS in column 2 of a statement)
		this.calc.toXlsx(LibreOfficeCalc.FRENCH_CSV.formatted("1/2/2/2/3/2"), xlsx, statementCsv(), summaryCsv(),
				paymentsCsv(), this.rejects, this.held);
		assertThat(LibreOfficeCalc.cell(xlsx.resolve(this.finess + ".xlsx"), 1, 1)).isEqualTo("text:" + this.finess);
		// rejects.csv: FINESS in column 3; centres-en-attente.csv: column 1, the centre's name in column 2
		assertThat(LibreOfficeCalc.cell(xlsx.resolve("rejects.xlsx"), 1, 2)).isEqualTo("text:" + this.finess);
		assertThat(LibreOfficeCalc.cell(xlsx.resolve("centres-en-attente.xlsx"), 1, 0)).isEqualTo("text:" + this.finess);
		assertThat(LibreOfficeCalc.cell(xlsx.resolve("centres-en-attente.xlsx"), 1, 1)).isEqualTo("text:" + this.name);
		Path summary = xlsx.resolve("regional-summary.xlsx");
		assertThat(LibreOfficeCalc.cell(summary, reunionRow(), 0)).isEqualTo("text:04");
		assertThat(LibreOfficeCalc.cell(summary, reunionRow(), 1)).isEqualTo("text:La Réunion");
		List<String> reunion = CsvFiles.rows(summaryCsv()).get(reunionRow());
		int forfait = CsvFiles.rows(summaryCsv()).get(0).indexOf("forfait_eur");
		assertThat(LibreOfficeCalc.cell(summary, reunionRow(), forfait))
			.isEqualTo("number:" + CsvFiles.frenchNumber(reunion.get(forfait)).stripTrailingZeros().toPlainString());
		assertThat(LibreOfficeCalc.cell(xlsx.resolve("payments.xlsx"), paymentsRow(), 0)).isEqualTo("text:" + this.finess);
	}

	/** The regions' workbook, opened in LibreOffice: the FINESS and the département are text. */
	@Test
	void theWorkbookKeepsTheCodesAsText() throws Exception {
		long runId = this.store.latestCompletedRun(AnnualPaymentJobConfiguration.JOB_NAME, 2024).orElseThrow();
		Path workbook = work.resolve("synthese").resolve("synthese-2024.xlsx");
		java.nio.file.Files.createDirectories(workbook.getParent());
		SyntheseWorkbookWriter.write(workbook,
				this.store.results(runId).stream().map(r -> new SyntheseWorkbookWriter.CentreRow(r, "")).toList());
		Path saved = work.resolve("synthese-saved");
		this.calc.toXlsx(null, saved, workbook);
		Path sheet = saved.resolve("synthese-2024.xlsx");
		int row = 1;
		while (!LibreOfficeCalc.cell(sheet, row, 0).equals("text:" + this.finess)) {
			assertThat(LibreOfficeCalc.cell(sheet, row, 0)).as("row " + row).startsWith("text:");
			row++;
		}
		assertThat(LibreOfficeCalc.cell(sheet, row, 3)).isEqualTo("text:" + this.finess.substring(0, 2));
	}

	/**
	 * The impact's per-centre table (issue 19) of a draft over the samples' exercice: its workbook
	 * keeps the FINESS and the region as text when LibreOffice opens it, and its CSV keeps them when
	 * imported with those columns (3 and 6) typed as text, as docs/impact.md says; opened as it comes,
	 * the CSV loses the zeros like every other CSV.
	 */
	@Test
	void theImpactTableKeepsTheCodesInItsWorkbookAndInATextImport() throws Exception {
		Path draft = work.resolve("projet-zeros.yaml");
		java.nio.file.Files.writeString(draft, """
				amends: accord-2015@2026.2
				version: "2026.77"
				sources:
				  TEST-PROJET: "Projet d'avenant fictif (données de test)"
				texts:
				  - {id: projet-zeros, title: "Projet Z", signed: 2026-11-30, approved: unknown, published: unknown, first_exercice: 2024, status: placeholder, source: TEST-PROJET}
				changes:
				  - set: indicators/ACCES_HORAIRES/components/fixed/values
				    value: {from: 2024, points: 900, status: placeholder, source: TEST-PROJET, text: projet-zeros}
				""");
		ImpactService.Outcome outcome = this.impact.run(new ImpactService.Request(2024, List.of(draft), Optional.empty(),
				Optional.empty(), Optional.empty(), work.resolve("impact-output"), Optional.of("zeros")));
		assertThat(outcome.status()).as(outcome.message()).isEqualTo(ImpactService.Status.DONE);
		Path table = outcome.directory().orElseThrow();
		List<List<String>> rows = CsvFiles.rows(table.resolve("centres.csv"));
		assertThat(rows.get(0).subList(2, 6)).containsExactly("finess", "raison_sociale", "type_centre", "code_region");
		int row = rowWhere(rows, 2, this.finess);
		int reunion = rowWhere(rows, 5, "04");

		// the workbook, as the docs tell people to open it: the same columns, the codes typed as text
		Path workbook = work.resolve("impact-workbook");
		this.calc.toXlsx(null, workbook, table.resolve("centres.xlsx"));
		Path sheet = workbook.resolve("centres.xlsx");
		assertThat(LibreOfficeCalc.cell(sheet, row, 2)).isEqualTo("text:" + this.finess);
		assertThat(LibreOfficeCalc.cell(sheet, reunion, 5)).isEqualTo("text:04");

		Path standard = work.resolve("impact-standard");
		this.calc.toXlsx(LibreOfficeCalc.FRENCH_CSV.formatted(""), standard, table.resolve("centres.csv"));
		assertThat(LibreOfficeCalc.cell(standard.resolve("centres.xlsx"), row, 2))
			.isEqualTo("number:" + Long.parseLong(this.finess));
		assertThat(LibreOfficeCalc.cell(standard.resolve("centres.xlsx"), reunion, 5)).isEqualTo("number:4");

		Path text = work.resolve("impact-text-columns");
		this.calc.toXlsx(LibreOfficeCalc.FRENCH_CSV.formatted("3/2/6/2"), text, table.resolve("centres.csv"));
		assertThat(LibreOfficeCalc.cell(text.resolve("centres.xlsx"), row, 2)).isEqualTo("text:" + this.finess);
		assertThat(LibreOfficeCalc.cell(text.resolve("centres.xlsx"), reunion, 5)).isEqualTo("text:04");
	}

	/** The first data row (header = row 0) whose column holds the value. */
	private static int rowWhere(List<List<String>> rows, int column, String value) {
		for (int r = 1; r < rows.size(); r++) {
			if (rows.get(r).get(column).equals(value)) {
				return r;
			}
		}
		throw new AssertionError("no row with " + value + " in column " + column);
	}

	private Path statementCsv() {
		return this.out.resolve("statements/" + this.finess + ".csv");
	}

	private Path summaryCsv() {
		return this.out.resolve("regional-summary.csv");
	}

	private Path paymentsCsv() {
		return this.out.resolve("payments.csv");
	}

	/** The first row of La Réunion (region 04) in the regional summary, header = row 0. */
	private int reunionRow() {
		return rowWhere(CsvFiles.rows(summaryCsv()), 0, "04");
	}

	private int paymentsRow() {
		return rowWhere(CsvFiles.rows(paymentsCsv()), 0, this.finess);
	}

}
