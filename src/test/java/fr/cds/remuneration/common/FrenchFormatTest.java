package fr.cds.remuneration.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The French figures of the statements, written by hand (no-break spaces: {@code \u00A0}). */
class FrenchFormatTest {

	private static final String NBSP = "\u00A0";

	@Test
	void amountsAreGroupedByThreeWithADecimalComma() {
		assertThat(FrenchFormat.euros(new BigDecimal("1841349.04"))).isEqualTo("1" + NBSP + "841" + NBSP + "349,04" + NBSP + "€");
		assertThat(FrenchFormat.euros(new BigDecimal("0"))).isEqualTo("0,00" + NBSP + "€");
		assertThat(FrenchFormat.euros(new BigDecimal("999.995"))).isEqualTo("1" + NBSP + "000,00" + NBSP + "€");
		assertThat(FrenchFormat.euros(new BigDecimal("-1234.5"))).isEqualTo("-1" + NBSP + "234,50" + NBSP + "€");
		assertThat(FrenchFormat.euros(new BigDecimal("-12.345"))).isEqualTo("-12,35" + NBSP + "€");
		assertThat(FrenchFormat.euros(new BigDecimal("123456.7"))).isEqualTo("123" + NBSP + "456,70" + NBSP + "€");
	}

	@Test
	void integersCompactNumbersAndRates() {
		assertThat(FrenchFormat.integer(0)).isEqualTo("0");
		assertThat(FrenchFormat.integer(999)).isEqualTo("999");
		assertThat(FrenchFormat.integer(1000)).isEqualTo("1" + NBSP + "000");
		assertThat(FrenchFormat.integer(10_000_000)).isEqualTo("10" + NBSP + "000" + NBSP + "000");
		assertThat(FrenchFormat.integer(-4500)).isEqualTo("-4" + NBSP + "500");
		assertThat(FrenchFormat.compact(new BigDecimal("4000.00"), 2)).isEqualTo("4" + NBSP + "000");
		assertThat(FrenchFormat.compact(new BigDecimal("12.50"), 2)).isEqualTo("12,5");
		assertThat(FrenchFormat.compact(new BigDecimal("2.004"), 2)).isEqualTo("2");
		assertThat(FrenchFormat.decimal(new BigDecimal("2224.449"), 2)).isEqualTo("2" + NBSP + "224,45");
		assertThat(FrenchFormat.percent(new BigDecimal("0.1234"))).isEqualTo("12,34" + NBSP + "%");
		assertThat(FrenchFormat.percent(new BigDecimal("0.05"))).isEqualTo("5,00" + NBSP + "%");
		assertThat(FrenchFormat.cell(new BigDecimal("12345.675"), 2)).isEqualTo("12345,68");
	}

}
