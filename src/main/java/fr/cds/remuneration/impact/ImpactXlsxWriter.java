package fr.cds.remuneration.impact;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import fr.cds.remuneration.impact.ImpactReport.DraftReport;
import fr.cds.remuneration.impact.ImpactReport.Group;
import fr.cds.remuneration.output.AtomicFiles;

/**
 * Writes {@code centres.xlsx}: the per-centre table of {@code centres.csv} (sheet « Centres ») and
 * the totals of {@code totals.csv} (sheet « Totaux »). Text cells are typed as text, with the text
 * format, so that a FINESS such as {@code 010000016} keeps its leading zero; amounts are numbers.
 */
final class ImpactXlsxWriter {

	static final String FILE = "centres.xlsx";

	/** Rows kept in memory before they are flushed to the temporary file. */
	private static final int ROWS_IN_MEMORY = 500;

	private ImpactXlsxWriter() {
	}

	static void write(Path directory, ImpactReport report) {
		AtomicFiles.write(directory.resolve(FILE), out -> {
			// streamed: rows go to a temporary file as they are made, instead of an XML tree of
			// every cell saved at the end (at 3,000 centres that tree was most of the reports' time);
			// strings stay inline, so no shared-strings table is built either
			SXSSFWorkbook workbook = new SXSSFWorkbook(new XSSFWorkbook(), ROWS_IN_MEMORY, false, false);
			try {
				Styles styles = new Styles(workbook);
				writeCentres(workbook.createSheet("Centres"), styles, report);
				writeTotals(workbook.createSheet("Totaux"), styles, report);
				workbook.write(out);
			}
			finally {
				workbook.close();
			}
		});
	}

	private static void writeCentres(Sheet sheet, Styles styles, ImpactReport report) {
		header(sheet, styles, ImpactTable.header());
		int r = 1;
		for (DraftReport draft : report.drafts()) {
			for (CentreImpact centre : draft.centres()) {
				Row row = sheet.createRow(r++);
				int c = 0;
				for (String text : ImpactTable.identity(draft.draft(), centre)) {
					text(row, c++, text, styles);
				}
				for (BigDecimal amount : ImpactTable.amounts(centre)) {
					amount(row, c++, amount, styles);
				}
				for (String text : ImpactTable.verdicts(centre)) {
					text(row, c++, text, styles);
				}
			}
		}
		sheet.createFreezePane(4, 1);
	}

	private static void writeTotals(Sheet sheet, Styles styles, ImpactReport report) {
		header(sheet, styles, List.of("projet", "regles_base", "regles_projet", "niveau", "code", "libelle", "centres",
				"avant_eur", "apres_eur", "ecart_eur"));
		int r = 1;
		for (DraftReport draft : report.drafts()) {
			r = group(sheet, r, styles, report, draft, "NATIONAL", List.of(draft.national()));
			r = group(sheet, r, styles, report, draft, "FLUX", draft.byStream());
			r = group(sheet, r, styles, report, draft, "REGION", draft.byRegion());
			r = group(sheet, r, styles, report, draft, "TYPE", draft.byType());
		}
	}

	private static int group(Sheet sheet, int r, Styles styles, ImpactReport report, DraftReport draft, String level,
			List<Group> groups) {
		for (Group group : groups) {
			Row row = sheet.createRow(r++);
			text(row, 0, draft.draft().name(), styles);
			text(row, 1, report.baseReference(), styles);
			text(row, 2, draft.draft().reference(), styles);
			text(row, 3, level, styles);
			text(row, 4, group.code(), styles);
			text(row, 5, group.label(), styles);
			row.createCell(6).setCellValue(group.centres());
			amount(row, 7, group.before(), styles);
			amount(row, 8, group.after(), styles);
			amount(row, 9, group.difference(), styles);
		}
		return r;
	}

	private static void header(Sheet sheet, Styles styles, List<String> names) {
		Row row = sheet.createRow(0);
		for (int c = 0; c < names.size(); c++) {
			Cell cell = row.createCell(c);
			cell.setCellValue(names.get(c));
			cell.setCellStyle(styles.header);
		}
	}

	private static void text(Row row, int column, String value, Styles styles) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(styles.text);
	}

	private static void amount(Row row, int column, BigDecimal value, Styles styles) {
		Cell cell = row.createCell(column);
		// exact: the amounts are in cents, well within a double's 15 significant digits
		cell.setCellValue(value.doubleValue());
		cell.setCellStyle(styles.euros);
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle text;

		final CellStyle euros;

		Styles(Workbook workbook) {
			this.header = workbook.createCellStyle();
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header.setFont(bold);
			this.text = workbook.createCellStyle();
			this.text.setDataFormat((short) BuiltinFormats.getBuiltinFormat("@"));
			this.euros = workbook.createCellStyle();
			this.euros.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
		}

	}


}
