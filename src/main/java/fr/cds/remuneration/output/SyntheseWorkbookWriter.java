package fr.cds.remuneration.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.IndicatorLine;
import fr.cds.remuneration.engine.StreamResult;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.peer.PeerBenchmark;
import fr.cds.remuneration.peer.PeerFigures;

/**
 * {@code synthese-<exercice>.xlsx}, the regions' workbook: a national sheet and one sheet per
 * region, a row per centre. FINESS and codes are text cells (a spreadsheet keeps the leading zero
 * of {@code 060000015}), amounts are numbers with a euro format that the reader's French locale
 * shows as {@code 1 234,56 €}, each payment stream has its column; the socle verdict and the
 * failed indicators by name, and the transfer's state when the centre's payment is held. A centre
 * held (en attente) for its inputs has a row too, without amounts, its status « en attente » and
 * its reasons: it is not computed, not paid, and no one may think it was forgotten. The header row
 * is frozen and carries a filter.
 */
public final class SyntheseWorkbookWriter {

	/** Sheet of every centre. */
	public static final String NATIONAL = "National";

	static final List<String> HEADERS = headers();

	private SyntheseWorkbookWriter() {
	}

	/** Status of a centre held for its inputs, in the socle column (it has no socle verdict). */
	static final String HELD_STATUS = "en attente";

	/**
	 * One centre's row: its result, and why its payment is held (empty when it is not).
	 *
	 * @param result {@code null} for a centre held (en attente) for its inputs: no amount is computed
	 * @param held the desk's reason when a transfer of the centre waits for an account, or why the
	 * centre is held, else {@code ""}
	 */
	public record CentreRow(CentreResult.CentreIdentity centre, CentreResult result, String held) {

		public CentreRow(CentreResult result, String held) {
			this(result.centre(), result, held);
		}

		/** A centre held for its inputs: no amounts, its reasons. */
		public static CentreRow heldCentre(CentreResult.CentreIdentity centre, List<String> reasons) {
			return new CentreRow(centre, null, "centre en attente : " + String.join(" ; ", reasons));
		}

	}

	public static String fileName(int exercice) {
		return "synthese-" + exercice + ".xlsx";
	}

	public static void write(Path target, List<CentreRow> rows) {
		List<CentreRow> sorted = rows.stream().sorted(Comparator.comparing(r -> r.centre().finess())).toList();
		// regions in French alphabetical order: Île-de-France between Hauts-de-France and Normandie
		Map<String, List<CentreRow>> byRegion = new TreeMap<>(Collator.getInstance(Locale.FRENCH));
		for (CentreRow row : sorted) {
			byRegion.computeIfAbsent(row.centre().regionName(), r -> new ArrayList<>()).add(row);
		}
		AtomicFiles.write(target, out -> {
			try (XSSFWorkbook workbook = new XSSFWorkbook()) {
				Styles styles = new Styles(workbook);
				sheet(workbook, styles, NATIONAL, sorted);
				byRegion.forEach((region, regionRows) -> sheet(workbook, styles, region, regionRows));
				PeerBenchmarkSheet.write(workbook, PeerBenchmark.of(sorted.stream()
					.filter(r -> r.result() != null)
					.map(r -> PeerFigures.of(r.result()))
					.toList()),
						styles.header, styles.text);
				workbook.write(out);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static void sheet(XSSFWorkbook workbook, Styles styles, String name, List<CentreRow> rows) {
		Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
		Row header = sheet.createRow(0);
		for (int c = 0; c < HEADERS.size(); c++) {
			text(header, c, HEADERS.get(c), styles.header);
		}
		int r = 1;
		for (CentreRow row : rows) {
			fill(sheet.createRow(r++), row, styles);
		}
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, HEADERS.size() - 1));
		sheet.createFreezePane(0, 1);
		int[] widths = { 11, 40, 12, 8, 26, 10, 48, 16, 16, 16, 16, 16, 40 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
	}

	private static void fill(Row row, CentreRow centreRow, Styles styles) {
		CentreResult result = centreRow.result();
		CentreResult.CentreIdentity centre = centreRow.centre();
		int c = 0;
		text(row, c++, centre.finess(), styles.text);
		text(row, c++, centre.name(), styles.text);
		text(row, c++, centre.typeLabel(), styles.text);
		text(row, c++, centre.departement(), styles.text);
		text(row, c++, centre.regionName(), styles.text);
		if (result == null) {
			// held for its inputs: nothing computed, so no verdict and empty amount cells (not 0 €)
			text(row, c, HELD_STATUS, styles.text);
			text(row, HEADERS.size() - 1, centreRow.held(), styles.text);
			return;
		}
		text(row, c++, result.socle().met() ? "atteint" : "non atteint", styles.text);
		text(row, c++, String.join(", ", failedIndicators(result)), styles.text);
		amount(row, c++, result.totalEuros(), styles.euros);
		for (PaymentStream stream : otherStreams()) {
			amount(row, c++, streamTotal(result, stream), styles.euros);
		}
		amount(row, c++, result.grandTotalEuros(), styles.euros);
		text(row, c, centreRow.held(), styles.text);
	}

	/** The socle indicators the centre failed, by name (code when the rules give none). */
	static List<String> failedIndicators(CentreResult result) {
		return result.socle().failed().stream().map(code -> result.lines()
			.stream()
			.filter(l -> l.code().equals(code))
			.map(IndicatorLine::label)
			.findFirst()
			.orElse(code)).toList();
	}

	private static BigDecimal streamTotal(CentreResult result, PaymentStream stream) {
		return result.streams()
			.stream()
			.filter(s -> s.stream() == stream && s.computed())
			.map(StreamResult::totalEuros)
			.findFirst()
			.orElse(BigDecimal.ZERO);
	}

	private static List<PaymentStream> otherStreams() {
		return PaymentStream.others();
	}

	private static List<String> headers() {
		List<String> headers = new ArrayList<>(List.of("FINESS", "Raison sociale", "Type", "Département", "Région",
				"Socle", "Indicateurs du socle non atteints", "Rémunération forfaitaire (€)"));
		for (PaymentStream stream : otherStreams()) {
			headers.add(FrenchFormat.capitalized(stream.label()) + " (€)");
		}
		headers.add("Total (€)");
		headers.add("Virement retenu ou centre en attente");
		return List.copyOf(headers);
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

	/** Amounts are already rounded to the cent; the double holds them exactly enough for display and sums. */
	private static void amount(Row row, int column, BigDecimal value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value.setScale(2).doubleValue());
		cell.setCellStyle(style);
	}

	private static final class Styles {

		final CellStyle header;

		final CellStyle text;

		final CellStyle euros;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			this.header = workbook.createCellStyle();
			this.header.setFont(bold);
			this.header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			this.header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			this.header.setBorderBottom(BorderStyle.THIN);
			this.header.setWrapText(true);
			this.text = workbook.createCellStyle();
			// "@": a text cell stays text when edited (FINESS, département codes)
			this.text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			this.euros = workbook.createCellStyle();
			this.euros.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00\\ \"€\""));
		}

	}

}
