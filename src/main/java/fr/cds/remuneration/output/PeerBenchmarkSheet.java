package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import fr.cds.remuneration.peer.PeerBenchmark;
import fr.cds.remuneration.peer.PeerGroup;

/**
 * The sheet « Repères » of the regions' workbook: the peer benchmark's quartiles by measure, type
 * and region (national first), as numbers; a quartile that is not published is an empty cell with
 * the reason in the last column.
 */
final class PeerBenchmarkSheet {

	static final String NAME = "Repères";

	static final List<String> HEADERS = List.of("Repère", "Type", "Région", "Centres comptés", "Centres sans ce ratio",
			"1er quartile", "Médiane", "3e quartile", "Remarque");

	private PeerBenchmarkSheet() {
	}

	static void write(XSSFWorkbook workbook, PeerBenchmark benchmark, CellStyle header, CellStyle text) {
		Sheet sheet = workbook.createSheet(NAME);
		CellStyle euros = workbook.createCellStyle();
		euros.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00\\ \"€\""));
		CellStyle percent = workbook.createCellStyle();
		percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
		Row top = sheet.createRow(0);
		for (int c = 0; c < HEADERS.size(); c++) {
			Cell cell = top.createCell(c);
			cell.setCellValue(HEADERS.get(c));
			cell.setCellStyle(header);
		}
		int r = 1;
		for (PeerGroup group : benchmark.groups()) {
			if (!group.national() && group.centres() == 0) {
				continue;
			}
			Row row = sheet.createRow(r++);
			text(row, 0, group.measure().label(), text);
			text(row, 1, group.typeLabel(), text);
			text(row, 2, group.national() ? "France entière" : group.regionName(), text);
			row.createCell(3).setCellValue(group.centres());
			row.createCell(4).setCellValue(group.excluded());
			CellStyle number = group.measure().isShare() ? percent : euros;
			String remark = "";
			if (group.centres() == 0) {
				remark = PeerBenchmarkView.NONE + " : aucun centre du type n'a ce ratio";
			}
			else if (group.quartiles().isEmpty()) {
				remark = PeerBenchmarkView.TOO_FEW;
			}
			else {
				List<PeerGroup.Statistic> q = group.quartiles().get();
				for (int i = 0; i < 3; i++) {
					Optional<BigDecimal> value = q.get(i).value();
					if (value.isPresent()) {
						Cell cell = row.createCell(5 + i);
						cell.setCellValue(value.get().doubleValue());
						cell.setCellStyle(number);
					}
					else {
						remark = "quartile vide : " + PeerBenchmarkView.WITHHELD;
					}
				}
			}
			text(row, 8, remark, text);
		}
		sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, HEADERS.size() - 1));
		sheet.createFreezePane(0, 1);
		int[] widths = { 50, 14, 26, 10, 10, 14, 14, 14, 44 };
		for (int c = 0; c < widths.length; c++) {
			sheet.setColumnWidth(c, widths[c] * 256);
		}
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : value);
		cell.setCellStyle(style);
	}

}
