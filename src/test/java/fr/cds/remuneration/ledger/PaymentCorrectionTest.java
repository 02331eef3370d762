package fr.cds.remuneration.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.paymentimport.PaymentCorrection;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 §7: a payment already PAID keeps its date and amount; its correction is two new,
 * reasoned entries (reversal on the original date, the real payment on the corrected one), and the
 * total paid to the centre moves by the amount's difference only.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:ledger-correction" })
class PaymentCorrectionTest {

	static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

	@Autowired
	PaymentCorrection correction;

	@Autowired
	PaymentLedger ledger;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void onePaidAdvance() {
		RunTables.empty(this.jdbc);
		this.ledger.record(new LedgerEntry("AV-1", "2A0000016", 2024, fr.cds.remuneration.engine.PaymentStream.FORFAIT, PaymentKind.AVANCE,
				new BigDecimal("12000.00"), null, null, null, "import", PaymentStatus.PAID, LocalDate.of(2024, 6, 28),
				LocalDate.of(2024, 6, 28), LocalDate.of(2024, 6, 28)));
		this.ledger.record(new LedgerEntry("SOLDE-1", "2A0000016", 2024, fr.cds.remuneration.engine.PaymentStream.FORFAIT, PaymentKind.SOLDE,
				new BigDecimal("3000.00"), null, null, null, "run", PaymentStatus.COMPUTED, TODAY, null, null));
	}

	@Test
	void aWrongDateIsCorrectedByAReversalAndTheRealPaymentTheOriginalUnchanged() {
		JobOutcome outcome = correct("AV-1", LocalDate.of(2024, 6, 18), null, "relevé bancaire du 18 juin");

		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		LedgerEntry original = this.ledger.entry("AV-1").orElseThrow();
		assertThat(original.paidOn()).isEqualTo(LocalDate.of(2024, 6, 28));
		assertThat(original.amountEuros()).isEqualByComparingTo("12000.00");
		LedgerEntry reversal = this.ledger.entry("AV-1-ANNUL").orElseThrow();
		assertThat(reversal.amountEuros()).isEqualByComparingTo("-12000.00");
		assertThat(reversal.paidOn()).isEqualTo(LocalDate.of(2024, 6, 28));
		assertThat(reversal.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(reversal.origin()).isEqualTo("contre-passation de AV-1 : relevé bancaire du 18 juin");
		LedgerEntry corrected = this.ledger.entry("AV-1-CORR").orElseThrow();
		assertThat(corrected.amountEuros()).isEqualByComparingTo("12000.00");
		assertThat(corrected.paidOn()).isEqualTo(LocalDate.of(2024, 6, 18));
		assertThat(corrected.origin()).endsWith(": relevé bancaire du 18 juin");
		// 12000 − 12000 + 12000 for the advances, 3000 computed: the total is unchanged
		assertThat(total()).isEqualByComparingTo("15000.00");
	}

	@Test
	void aWrongAmountMovesTheTotalByTheDifferenceOnly() {
		JobOutcome outcome = correct("AV-1", LocalDate.of(2024, 6, 28), new BigDecimal("11500.00"), "virement partiel");

		assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.OK);
		// 12000 − 12000 + 11500 + 3000
		assertThat(total()).isEqualByComparingTo("14500.00");
	}

	@Test
	void refusalsChangeNothing() {
		assertThat(correct("AV-1", LocalDate.of(2025, 3, 2), null, "x").message()).contains("dans le futur");
		assertThat(correct("SOLDE-1", LocalDate.of(2025, 2, 1), null, "x").message()).contains("COMPUTED, pas PAID");
		assertThat(correct("AV-1", LocalDate.of(2024, 6, 28), null, "x").message()).contains("rien à corriger");
		assertThat(correct("AV-9", LocalDate.of(2024, 6, 28), null, "x").message()).contains("aucun paiement");
		assertThat(correct("AV-1", LocalDate.of(2024, 6, 18), null, " ").exitCode()).isEqualTo(ExitCode.USAGE);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM PAYMENT_LEDGER", Integer.class)).isEqualTo(2);

		assertThat(correct("AV-1", LocalDate.of(2024, 6, 18), null, "relevé").exitCode()).isEqualTo(ExitCode.OK);
		JobOutcome twice = correct("AV-1", LocalDate.of(2024, 6, 17), null, "autre relevé");
		assertThat(twice.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(twice.message()).contains("déjà été corrigé : corrigez AV-1-CORR", "rien n'a été modifié");
		assertThat(correct("AV-1-ANNUL", LocalDate.of(2024, 6, 17), null, "x").message()).contains("contre-passation");
		assertThat(correct("AV-1-CORR", LocalDate.of(2024, 6, 17), null, "second relevé").exitCode())
			.isEqualTo(ExitCode.OK);
		assertThat(total()).isEqualByComparingTo("15000.00");
	}

	private JobOutcome correct(String reference, LocalDate paidOn, BigDecimal amount, String reason) {
		return this.correction.correct(new PaymentCorrection.Request(reference, paidOn, Optional.ofNullable(amount), reason),
				TODAY);
	}

	private BigDecimal total() {
		return this.jdbc.queryForObject("SELECT SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER", BigDecimal.class);
	}

}
