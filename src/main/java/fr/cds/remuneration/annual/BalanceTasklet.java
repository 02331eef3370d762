package fr.cds.remuneration.annual;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.ledger.CentreSettler;
import fr.cds.remuneration.ledger.LedgerConflictException;
import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.run.ExerciceLease;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * Records each centre's balance of each payment stream in the payment ledger: {@code SOLDE = total −
 * amounts already recorded} for the stream (the advances paid during the exercice), negative when
 * the advances exceed the total.
 * One transaction for the whole exercice; a restart records the same balances under the same
 * references. Refuses to record a second balance for an exercice already balanced by another run.
 */
public class BalanceTasklet implements Tasklet {

	private final RunStore store;

	private final PaymentLedger ledger;

	private final CentreSettler settler;

	private final JobRepository jobRepository;

	private final ExerciceLease lease;

	public BalanceTasklet(RunStore store, PaymentLedger ledger, CentreSettler settler, JobRepository jobRepository,
			ExerciceLease lease) {
		this.store = store;
		this.ledger = ledger;
		this.settler = settler;
		this.jobRepository = jobRepository;
		this.lease = lease;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		RunContext context = RunContext.of(contribution.getStepExecution());
		int exercice = context.run().exercice();
		Optional<String> conflict = BalanceConflict.of(exercice, context.runId(), this.ledger, this.jobRepository);
		if (conflict.isPresent()) {
			throw new LedgerConflictException(conflict.get());
		}
		// fencing: in this transaction, before any payment; a run whose lease was taken over stops here
		this.lease.fence(exercice);
		LocalDate today = LocalDate.now();
		this.settler.settleCentres(context.runId(), AnnualPaymentJobConfiguration.JOB_NAME, PaymentKind.SOLDE,
				this.store.resultSummaries(context.runId())
					.stream()
					.map(r -> new CentreSettler.CentreTotals(r.finess(), exercice, r.ruleSet(), r.totalsByStream(), Set.of()))
					.toList(),
				today);
		return RepeatStatus.FINISHED;
	}

}
