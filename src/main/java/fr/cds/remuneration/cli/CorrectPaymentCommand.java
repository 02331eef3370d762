package fr.cds.remuneration.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.paymentimport.PaymentCorrection;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.run.JobOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code correct-payment}: a PAID payment's real date or amount, as two new reasoned entries. */
@Component
@Command(name = "correct-payment", mixinStandardHelpOptions = true,
		description = "Correct a payment already PAID: its entry keeps its date and amount; its reversal (<REF>-ANNUL)"
				+ " and the payment as it was really made (<REF>-CORR) are recorded, with the reason.")
public class CorrectPaymentCommand implements Callable<Integer> {

	private final PaymentCorrection correction;

	@Option(names = "--reference", required = true, description = "The reference of the PAID payment.")
	String reference;

	@Option(names = "--paid-on", required = true, description = "The date it was really paid (yyyy-mm-dd).")
	LocalDate paidOn;

	@Option(names = "--amount", description = "The amount really paid (default: the recorded amount).")
	BigDecimal amount;

	@Option(names = "--reason", required = true, description = "Why (kept with both new entries).")
	String reason;

	public CorrectPaymentCommand(PaymentCorrection correction) {
		this.correction = correction;
	}

	@Override
	public Integer call() {
		JobOutcome outcome = this.correction.correct(
				new PaymentCorrection.Request(this.reference, this.paidOn, Optional.ofNullable(this.amount), this.reason),
				LocalDate.now());
		(outcome.exitCode() == ExitCode.OK ? System.out : System.err).println(outcome.message());
		return outcome.exitCode().code();
	}

}
