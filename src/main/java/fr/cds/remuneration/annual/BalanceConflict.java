package fr.cds.remuneration.annual;

import java.util.List;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

import fr.cds.remuneration.ledger.PaymentLedger;

/**
 * Balances of the exercice already recorded in the ledger by another annual run: a second run
 * would pay twice. What to do depends on that run. If it completed, a change goes through
 * re-processing. If it crashed or failed after recording its balances, re-processing is refused
 * (it starts from a completed run): the advice is to finish that run first, by launching it again
 * with the input files it was launched with.
 */
final class BalanceConflict {

	private BalanceConflict() {
	}

	/** The refusal, in French, when runs other than {@code runId} recorded balances of the exercice. */
	static Optional<String> of(int exercice, long runId, PaymentLedger ledger, JobRepository jobRepository) {
		List<Long> others = ledger.balanceRuns(exercice, runId);
		if (others.isEmpty()) {
			return Optional.empty();
		}
		for (long other : others) {
			JobInstance instance = jobRepository.getJobInstance(other);
			JobExecution last = instance == null ? null : jobRepository.getLastJobExecution(instance);
			if (last != null && last.getStatus() != BatchStatus.COMPLETED) {
				AnnualRun unfinished = AnnualRun.from(last.getJobParameters());
				return Optional.of("Exercice " + exercice + " : le run " + other + ", interrompu (" + last.getStatus()
						+ "), a déjà enregistré ses soldes ; un autre run annuel paierait deux fois et le retraitement"
						+ " demande un run terminé. Terminez d'abord le run " + other + " : relancez 'run --exercice "
						+ exercice + "' avec ses fichiers d'entrée (" + unfinished.inputDir() + ", empreinte "
						+ unfinished.inputChecksum() + "), il reprend où il s'est arrêté ; une correction passe ensuite"
						+ " par 'reprocess --exercice " + exercice + "'.");
			}
		}
		return Optional.of("Exercice " + exercice + " : soldes déjà enregistrés par le(s) run(s) terminé(s) " + others
				+ " ; un second run annuel paierait deux fois. Une modification après paiement passe par le"
				+ " retraitement : 'reprocess --exercice " + exercice + "'.");
	}

}
