package fr.cds.remuneration.reprocess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import fr.cds.remuneration.input.InputRejectedException;
import fr.cds.remuneration.reprocess.ReprocessStore.ScopeCentre;

/**
 * Decides which centres the re-processing recomputes, and from which stored inputs: the centres
 * named by the operator (or every centre of the exercice), each from its latest stored inputs, or
 * from this run's corrected inputs for the centres of a dispute. Corrected inputs must cover
 * exactly the named centres: a corrected file that holds another centre, or misses one, is
 * refused before anything is computed. A centre held by the run that stored its latest inputs is
 * left out (a re-processing of every centre leaves it held) or, when named, refused: only corrected
 * inputs release it.
 */
public class ReprocessScopeTasklet implements Tasklet {

	private final ReprocessStore store;

	public ReprocessScopeTasklet(ReprocessStore store) {
		this.store = store;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		long runId = contribution.getStepExecution().getJobExecution().getJobInstanceId();
		ReprocessRun run = ReprocessRun.from(contribution.getStepExecution().getJobParameters());
		Set<String> corrected = run.hasCorrectedInputs() ? new TreeSet<>(this.store.centres(runId)) : Set.of();
		if (run.hasCorrectedInputs()) {
			checkCorrectedCentres(new TreeSet<>(run.centres()), corrected);
		}
		List<String> centres = run.centres().isEmpty() ? this.store.knownCentres(run.exercice(), run.baseRunId())
				: run.centres();
		// every centre's latest inputs and the runs' held centres in a few queries, not three per centre
		Map<String, Long> latestInputRuns = this.store.latestInputRuns(run.exercice(), run.baseRunId());
		Map<Long, Set<String>> heldByRun = new HashMap<>();
		List<ScopeCentre> scope = new ArrayList<>();
		List<String> withoutInputs = new ArrayList<>();
		List<String> held = new ArrayList<>();
		for (String finess : centres) {
			Optional<Long> inputRun = corrected.contains(finess) ? Optional.of(runId)
					: Optional.ofNullable(latestInputRuns.get(finess));
			if (inputRun.isPresent()
					&& heldByRun.computeIfAbsent(inputRun.get(), this.store::heldCentres).contains(finess)) {
				// its stored inputs are incomplete: only corrected inputs release it
				held.add(finess);
				continue;
			}
			inputRun.ifPresentOrElse(id -> scope.add(new ScopeCentre(finess, id)), () -> withoutInputs.add(finess));
		}
		if (!withoutInputs.isEmpty()) {
			throw new InputRejectedException("Aucune entrée enregistrée pour l'exercice " + run.exercice() + " pour " + withoutInputs
					+ " : ces centres n'étaient pas dans le run annuel. Fournissez leurs entrées avec --corrected-input.");
		}
		if (!held.isEmpty() && !run.centres().isEmpty()) {
			throw new InputRejectedException("Centres " + held + " en attente : leurs entrées enregistrées sont"
					+ " incomplètes. Débloquez-les avec leurs données corrigées (--corrected-input). Rien n'a été calculé"
					+ " ni payé.");
		}
		this.store.saveScope(runId, scope);
		return RepeatStatus.FINISHED;
	}

	private static void checkCorrectedCentres(Set<String> named, Set<String> corrected) {
		Set<String> missing = new TreeSet<>(named);
		missing.removeAll(corrected);
		Set<String> extra = new TreeSet<>(corrected);
		extra.removeAll(named);
		if (!missing.isEmpty() || !extra.isEmpty()) {
			throw new InputRejectedException("Le centres.csv corrigé doit contenir exactement les centres désignés par"
					+ " --centre" + (missing.isEmpty() ? "" : " ; manquants : " + missing)
					+ (extra.isEmpty() ? "" : " ; non désignés : " + extra) + ". Rien n'a été calculé ni payé.");
		}
	}

}
