package fr.cds.remuneration.output;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.cds.remuneration.support.CsvFiles;

import static org.assertj.core.api.Assertions.assertThat;

class CsvOutputTest {

	@TempDir
	Path work;

	@ParameterizedTest
	@ValueSource(strings = { "=1+2", "+33 1 23", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "   =HYPERLINK(\"x\")", "-" })
	void aCellThatASpreadsheetWouldEvaluateIsShownAsText(String value) {
		assertThat(CsvOutput.text(value)).isEqualTo("'" + value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-12,50", "-3", "12.5", "Centre de santé", "a=b", "", "'=already" })
	void numbersAndOrdinaryTextAreLeftAsTheyAre(String value) {
		assertThat(CsvOutput.text(value)).isEqualTo(value);
	}

	@Test
	void everyTextCellOfEveryRowIsNeutralisedButNumbersStayNumbers() {
		assertThat(CsvOutput.row("=cmd|' /C calc'!A0", 12, new BigDecimal("-4.5"), null, "ok"))
			.containsExactly("'=cmd|' /C calc'!A0", 12, new BigDecimal("-4.5"), "", "ok");
	}

	@Test
	void aWrittenFileHoldsNoFormula() throws Exception {
		Path file = this.work.resolve("out.csv");
		CsvOutput.write(file, true, printer -> printer.printRecord(CsvOutput.row("@A1", "=1;2", "-1")));

		assertThat(CsvFiles.rows(file)).containsExactly(java.util.List.of("'@A1", "'=1;2", "-1"));
		assertThat(Files.list(this.work)).containsExactly(file);
	}

}
