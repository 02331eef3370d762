package fr.cds.remuneration.impact;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import fr.cds.remuneration.impact.StreamingXlsx.Style;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written XLSX reads back, through an independent reader (POI), as what was written:
 * text cells with the text format (a FINESS keeps its leading zero), exact amounts with the euro
 * format, markup and control characters, two sheets, the frozen pane.
 */
class StreamingXlsxTest {

	@Test
	void whatIsWrittenReadsBackCellByCell() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		StreamingXlsx xlsx = new StreamingXlsx(out, List.of("Centres", "Totaux & co"));
		xlsx.startSheet(4, 1);
		xlsx.startRow();
		xlsx.text("finess", Style.HEADER);
		xlsx.text("ecart_eur", Style.HEADER);
		xlsx.endRow();
		xlsx.startRow();
		xlsx.text("010000016", Style.TEXT);
		xlsx.number(new BigDecimal("-1234567.89"), Style.EUROS);
		xlsx.text("Centre <Rive> & \"Gauche\"\u0001 ", Style.TEXT);
		xlsx.endRow();
		xlsx.endSheet();
		xlsx.startSheet(0, 0);
		xlsx.startRow();
		xlsx.number(3000, Style.GENERAL);
		xlsx.endRow();
		xlsx.endSheet();
		xlsx.finish();

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			assertThat(workbook.getSheetName(1)).isEqualTo("Totaux & co");
			XSSFSheet centres = workbook.getSheet("Centres");
			assertThat(centres.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
			var finess = centres.getRow(1).getCell(0);
			assertThat(finess.getCellType()).isEqualTo(CellType.STRING);
			assertThat(finess.getStringCellValue()).isEqualTo("010000016");
			assertThat(finess.getCellStyle().getDataFormatString()).isEqualTo("@");
			var amount = centres.getRow(1).getCell(1);
			assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(amount.getNumericCellValue()).isEqualTo(-1234567.89);
			assertThat(amount.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(new DataFormatter(java.util.Locale.US).formatCellValue(amount)).isEqualTo("-1,234,567.89");
			assertThat(centres.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Centre <Rive> & \"Gauche\" ");
			assertThat(centres.getPaneInformation().isFreezePane()).isTrue();
			assertThat(centres.getPaneInformation().getVerticalSplitPosition()).isEqualTo((short) 4);
			assertThat(centres.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			assertThat(workbook.getSheetAt(1).getRow(0).getCell(0).getNumericCellValue()).isEqualTo(3000);
		}
	}

	@Test
	void referencesGoPastZ() {
		assertThat(StreamingXlsx.reference(0, 1)).isEqualTo("A1");
		assertThat(StreamingXlsx.reference(25, 2)).isEqualTo("Z2");
		assertThat(StreamingXlsx.reference(26, 3)).isEqualTo("AA3");
		assertThat(StreamingXlsx.reference(27 * 26, 4)).isEqualTo("AAA4");
	}

}
