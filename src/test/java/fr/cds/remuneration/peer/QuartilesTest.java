package fr.cds.remuneration.peer;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Type 7 quartiles (Excel's QUARTILE.INC), checked against values worked out by hand. */
class QuartilesTest {

	private static List<BigDecimal> values(String... values) {
		return Arrays.stream(values).map(BigDecimal::new).toList();
	}

	@Test
	void interpolatesBetweenOrderStatisticsAsQuartileInc() {
		// n = 6: positions (n-1)p = 1.25, 2.5, 3.75
		// Q1 = 20 + 0.25 × (30 - 20) = 22.5; median = 30 + 0.5 × (40 - 30) = 35; Q3 = 40 + 0.75 × (100 - 40) = 85
		// (QUARTILE.INC({10;20;30;40;100;200};1..3) gives 22.5, 35, 85)
		Quartiles q = Quartiles.of(values("10", "20", "30", "40", "100", "200"));
		assertThat(q.q1()).isEqualByComparingTo("22.5");
		assertThat(q.median()).isEqualByComparingTo("35");
		assertThat(q.q3()).isEqualByComparingTo("85");
	}

	@Test
	void fallsOnOrderStatisticsWhenThePositionIsWhole() {
		// n = 5: positions 1, 2, 3 → the 2nd, 3rd and 4th values
		Quartiles q = Quartiles.of(values("1.5", "2.5", "3.5", "4.5", "5.5"));
		assertThat(q.q1()).isEqualByComparingTo("2.5");
		assertThat(q.median()).isEqualByComparingTo("3.5");
		assertThat(q.q3()).isEqualByComparingTo("4.5");
	}

	@Test
	void aSingleValueIsEveryQuartile() {
		Quartiles q = Quartiles.of(values("7"));
		assertThat(List.of(q.q1(), q.median(), q.q3())).allSatisfy(v -> assertThat(v).isEqualByComparingTo("7"));
	}

}
