package fr.cds.remuneration.ledger;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.rules.PaymentSchedule;
import fr.cds.remuneration.rules.model.AdvanceTiming;
import fr.cds.remuneration.rules.model.ValueStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Advance entries of one rule set next to the common calendar. */
class PaymentScheduleRuleSetTest {

	private static final PaymentSchedule.Advance COMMON = new PaymentSchedule.Advance(2016, null, new BigDecimal("0.60"),
			new BigDecimal("12000"), ValueStatus.ANALOG, "ACI", null, null);

	private static final PaymentSchedule.Advance ARBITRAL = new PaymentSchedule.Advance(2015, 2016,
			new BigDecimal("0.60"), BigDecimal.ZERO, ValueStatus.CONFIRMED, "RA 2015 art. 5.4", "reglement-arbitral-2015",
			AdvanceTiming.WITH_PREVIOUS_BALANCE);

	@Test
	void aRuleSetWithItsOwnEntryUsesItAndTheOthersTheCommonOne() {
		PaymentSchedule schedule = new PaymentSchedule(List.of(COMMON, ARBITRAL), List.of());

		assertThat(schedule.advance(2016, "reglement-arbitral-2015")).contains(ARBITRAL);
		assertThat(schedule.advance(2016, "accord-2015")).contains(COMMON);
		assertThat(schedule.advance(2016)).contains(COMMON);
		// 2015 has no common entry: only the règlement arbitral pays an advance
		assertThat(schedule.advance(2015, "accord-2015")).isEmpty();
		assertThat(COMMON.paid()).isEqualTo(AdvanceTiming.DURING_EXERCICE);
	}

	@Test
	void overlappingEntriesAreRefusedWithinOneRuleSetOnly() {
		PaymentSchedule.Advance again = new PaymentSchedule.Advance(2016, 2016, new BigDecimal("0.5"), BigDecimal.ZERO,
				ValueStatus.ANALOG, "x", "reglement-arbitral-2015", null);

		assertThatThrownBy(() -> new PaymentSchedule(List.of(COMMON, ARBITRAL, again), List.of()))
			.hasMessageContaining("avance : les périodes à partir de 2015 et de 2016 se chevauchent");
	}

}
