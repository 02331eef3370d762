package fr.cds.remuneration.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.paymentimport.PaymentCorrection;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.run.JobOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code correct-payment}: a PAID payment's real date or amount, as two new reasoned entries. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "correct-payment", mixinStandardHelpOptions = true,
		description = "Corrige un paiement déjà PAID : sa ligne garde sa date et son montant ; son annulation (<REF>-ANNUL)"
				+ " et le paiement tel qu'il a réellement été fait (<REF>-CORR) sont inscrits, avec le motif.")
public class CorrectPaymentCommand implements Callable<Integer> {

	private final PaymentCorrection correction;

	@Option(names = "--reference", required = true, description = "Référence du paiement PAID.")
	String reference;

	@Option(names = "--paid-on", required = true, description = "Date à laquelle il a réellement été versé (aaaa-mm-jj).")
	LocalDate paidOn;

	@Option(names = "--amount", description = "Montant réellement versé (par défaut : le montant inscrit).")
	BigDecimal amount;

	@Option(names = "--reason", required = true, description = "Motif (conservé avec les deux nouvelles lignes).")
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
