package fr.cds.remuneration.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.rules.PaymentSchedule;
import fr.cds.remuneration.engine.AdvanceCalculator;
import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.ValueStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advance on the shipped rules for 2025 (365 days, 7 € per point): 60 % of the socle at
 * 100 %, at least 12,000 € but never more than the socle amount. A dental centre with 2 dentists
 * and no patient: socle = ACCES_HORAIRES 800 + COORDINATION 1,000 + SI_STANDARD 500 + 200 × 2 +
 * CRISE_PLAN 100 = 2,800 pts = 19,600 €, whatever it declared.
 */
class AdvanceCalculatorTest {

	private static final ExerciceRules RULES_2025 = RuleSetRepository.load(RuleSetRepository.BUILT_IN)
		.rulesFor(2025, Optional.empty());

	private static final PaymentSchedule.Advance SIXTY_PERCENT = new PaymentSchedule.Advance(2016, null,
			new BigDecimal("0.60"), new BigDecimal("12000"), ValueStatus.ANALOG, "test", null, null);

	private static CentreResult dental(LocalDate closing, String dentists) {
		CentreFixture fixture = CentreFixture.centre("690000203", CentreType.DENTAIRE)
			.staff(Profession.CHIRURGIEN_DENTISTE, dentists)
			.patients(Population.FILE_ACTIVE, 0, 0, 0);
		return new RemunerationEngine().compute(RULES_2025, (closing == null ? fixture : fixture.closed(closing)).inputs());
	}

	@Test
	void sixtyPercentOfTheSocleAtFullRateWhenAboveTheMinimum() {
		// 2,800 + 200 × 8 more dentists = 4,400 pts = 30,800 € → 60 % = 18,480 €
		AdvanceCalculator.Computed advance = AdvanceCalculator.compute(dental(null, "10"), SIXTY_PERCENT);

		assertThat(advance.socleAt100Euros()).isEqualByComparingTo("30800.00");
		assertThat(advance.amountEuros()).isEqualByComparingTo("18480.00");
		assertThat(advance.minimumApplied()).isFalse();
	}

	@Test
	void theMinimumWhenSixtyPercentIsBelowIt() {
		// 19,600 € → 60 % = 11,760 € < 12,000 €
		AdvanceCalculator.Computed advance = AdvanceCalculator.compute(dental(null, "2"), SIXTY_PERCENT);

		assertThat(advance.socleAt100Euros()).isEqualByComparingTo("19600.00");
		assertThat(advance.proportionalEuros()).isEqualByComparingTo("11760.00");
		assertThat(advance.amountEuros()).isEqualByComparingTo("12000.00");
		assertThat(advance.minimumApplied()).isTrue();
	}

	@Test
	void neverMoreThanTheSocleWouldEarnForASmallCentre() {
		// closed on 31 March 2025: 90 days of 365; each socle line pro-rated and rounded:
		// 5,600 × 90/365 = 1,380.82; 7,000 × 90/365 = 1,726.03; 6,300 × 90/365 = 1,553.42; 700 × 90/365 = 172.60
		AdvanceCalculator.Computed advance = AdvanceCalculator.compute(dental(LocalDate.of(2025, 3, 31), "2"),
				SIXTY_PERCENT);

		assertThat(advance.socleAt100Euros()).isEqualByComparingTo("4832.87");
		assertThat(advance.amountEuros()).isEqualByComparingTo("4832.87");
	}

}
