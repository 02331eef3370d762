package fr.cds.remuneration.annual;

import fr.cds.remuneration.run.ExerciceLease;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import fr.cds.remuneration.ledger.CentreSettler;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * The payment phase: each centre's balance (total − advances already in the ledger) is recorded in
 * the payment ledger.
 */
@Configuration(proxyBeanMethods = false)
public class PaymentStepsConfiguration {

	// -------------------------------------------------------------------------- balance

	@Bean
	Step balanceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, RunStore store,
			PaymentLedger ledger, CentreSettler settler, ExerciceLease lease) {
		return new StepBuilder("balance", jobRepository)
			.tasklet(new BalanceTasklet(store, ledger, settler, jobRepository, lease), transactionManager)
			.build();
	}

}
