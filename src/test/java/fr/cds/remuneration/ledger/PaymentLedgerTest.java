package fr.cds.remuneration.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:ledger" })
class PaymentLedgerTest {

	private static final LocalDate COMPUTED = LocalDate.of(2025, 3, 10);

	@Autowired
	PaymentLedger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void emptyLedger() {
		RunTables.empty(this.jdbc);
	}

	private static LedgerEntry balance(String amount) {
		return LedgerEntry.computed("RFS-2024-750000101-SOLDE-R7", "750000101", 2024, PaymentStream.FORFAIT,
				PaymentKind.SOLDE, new BigDecimal(amount), "accord-2015@2026.1", 7, "annualPaymentJob", COMPUTED);
	}

	@Test
	void aReferenceIsRecordedOnceAndNeverForAnotherPayment() {
		assertThat(this.ledger.record(balance("13571.71"))).isEqualTo(PaymentLedger.Recorded.ADDED);
		assertThat(this.ledger.record(balance("13571.71"))).isEqualTo(PaymentLedger.Recorded.ALREADY_RECORDED);

		assertThatThrownBy(() -> this.ledger.record(balance("13571.72"))).isInstanceOf(LedgerConflictException.class)
			.hasMessageContaining("RFS-2024-750000101-SOLDE-R7 est déjà inscrite");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM PAYMENT_LEDGER", Integer.class)).isEqualTo(1);
		assertThat(this.ledger.entry("RFS-2024-750000101-SOLDE-R7").orElseThrow().amountEuros())
			.isEqualByComparingTo("13571.71");
	}

	@Test
	void aPaymentIsOrderedThenPaidAndNeverGoesBack() {
		this.ledger.record(balance("13571.71"));

		LedgerEntry ordered = this.ledger.advance("RFS-2024-750000101-SOLDE-R7", PaymentStatus.ORDERED,
				LocalDate.of(2025, 4, 2));
		LedgerEntry paid = this.ledger.advance("RFS-2024-750000101-SOLDE-R7", PaymentStatus.PAID, LocalDate.of(2025, 4, 30));

		assertThat(ordered.status()).isEqualTo(PaymentStatus.ORDERED);
		assertThat(ordered.date()).isEqualTo(LocalDate.of(2025, 4, 2));
		assertThat(paid.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(paid.orderedOn()).isEqualTo(LocalDate.of(2025, 4, 2));
		assertThat(paid.paidOn()).isEqualTo(LocalDate.of(2025, 4, 30));
		assertThat(paid.computedOn()).isEqualTo(COMPUTED);
		assertThatThrownBy(() -> this.ledger.advance("RFS-2024-750000101-SOLDE-R7", PaymentStatus.ORDERED,
				LocalDate.of(2025, 5, 2))).isInstanceOf(LedgerConflictException.class).hasMessageContaining("ne revient pas");
		assertThatThrownBy(() -> this.ledger.advance("NOPE", PaymentStatus.PAID, LocalDate.of(2025, 5, 2)))
			.isInstanceOf(LedgerConflictException.class);
	}

	@Test
	void aPaidPaymentKeepsItsDate() {
		this.ledger.record(balance("13571.71"));
		this.ledger.advance("RFS-2024-750000101-SOLDE-R7", PaymentStatus.PAID, LocalDate.of(2025, 4, 30));

		assertThatThrownBy(() -> this.ledger.advance("RFS-2024-750000101-SOLDE-R7", PaymentStatus.PAID,
				LocalDate.of(2025, 5, 15))).isInstanceOf(LedgerConflictException.class)
			.hasMessageContaining("déjà PAID au 2025-04-30", "nouvelle écriture motivée");
		assertThat(this.ledger.entry("RFS-2024-750000101-SOLDE-R7").orElseThrow().paidOn())
			.isEqualTo(LocalDate.of(2025, 4, 30));
		// the same date again changes nothing and is no error
		assertThat(this.ledger.advance("RFS-2024-750000101-SOLDE-R7", PaymentStatus.PAID, LocalDate.of(2025, 4, 30))
			.paidOn()).isEqualTo(LocalDate.of(2025, 4, 30));
	}

	@Test
	void aDateInTheFutureOrOneRefusedReferenceChangesNothing() {
		this.ledger.record(balance("13571.71"));
		List<String> references = List.of("RFS-2024-750000101-SOLDE-R7", "NOPE");

		assertThatThrownBy(() -> this.ledger.checkAdvance(List.of("RFS-2024-750000101-SOLDE-R7"), PaymentStatus.PAID,
				LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 1))).isInstanceOf(LedgerConflictException.class)
			.hasMessageContaining("dans le futur");
		assertThatThrownBy(() -> this.ledger.checkAdvance(references, PaymentStatus.PAID, LocalDate.of(2025, 4, 30),
				LocalDate.of(2025, 5, 1))).isInstanceOf(LedgerConflictException.class)
			.hasMessageContaining("aucun paiement de référence NOPE", "rien n'a été modifié");
		assertThat(this.ledger.entry("RFS-2024-750000101-SOLDE-R7").orElseThrow().status())
			.isEqualTo(PaymentStatus.COMPUTED);
	}

	/**
	 * A run that recorded a balance on one stream only (its forfait balances were all zero, so
	 * never written) has paid the exercice all the same: a second annual run, an advance or an
	 * import must see it. The check once looked at the forfait's balances only.
	 */
	@Test
	void aBalanceOnAnyStreamMarksTheExercicePaid() {
		this.ledger.record(LedgerEntry.computed("FMT-2024-750000101-SOLDE-R9", "750000101", 2024,
				PaymentStream.MEDECIN_TRAITANT, PaymentKind.SOLDE, new BigDecimal("2100.00"), "accord-2015@2026.1", 9,
				"annualPaymentJob", COMPUTED));
		this.ledger.record(balance("13571.71"));

		assertThat(this.ledger.balanceRuns(2024, -1)).containsExactly(7L, 9L);
		assertThat(this.ledger.balanceRuns(2024, 7)).containsExactly(9L);
		assertThat(this.ledger.balanceRuns(2025, -1)).isEmpty();
	}

}
