package fr.cds.remuneration.cli;

import fr.cds.remuneration.run.ExitCode;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExerciceLease;
import fr.cds.remuneration.run.LeaseText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code runs}: the executions of every job, newest first. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "runs", mixinStandardHelpOptions = true,
		description = "Liste les exécutions des traitements avec statut, paramètres, nombres de lignes et durée, les plus récentes d'abord.")
public class RunsCommand implements Callable<Integer> {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final JobRepository jobRepository;

	@Option(names = "--exercice", description = "Seulement les exécutions de cet exercice.")
	Integer exercice;

	@Option(names = "--limit", defaultValue = "20", description = "Nombre maximal d'exécutions (par défaut : ${DEFAULT-VALUE}).")
	int limit;

	private final ExerciceLease leases;

	public RunsCommand(JobRepository jobRepository, ExerciceLease leases) {
		this.jobRepository = jobRepository;
		this.leases = leases;
	}

	@Override
	public Integer call() {
		this.leases.held().forEach((exercice, holder) -> {
			if (this.exercice == null || this.exercice.equals(exercice)) {
				System.out.println("Exercice " + exercice + " : bail tenu par " + LeaseText.holder(holder)
						+ (holder.expiredAt(this.leases.now()) ? " (EXPIRÉ : la prochaine commande le reprendra)" : ""));
			}
		});
		List<JobExecution> executions = new ArrayList<>();
		for (String job : this.jobRepository.getJobNames()) {
			for (JobInstance instance : this.jobRepository.findJobInstances(job)) {
				executions.addAll(this.jobRepository.getJobExecutions(instance));
			}
		}
		List<JobExecution> shown = executions.stream()
			.filter(e -> this.exercice == null || Long.valueOf(this.exercice).equals(e.getJobParameters().getLong("exercice")))
			.sorted(Comparator.comparingLong(JobExecution::getId).reversed())
			.limit(this.limit)
			.toList();
		if (shown.isEmpty()) {
			System.out.println("Aucune exécution" + (this.exercice == null ? "." : " pour l'exercice " + this.exercice + "."));
			return ExitCode.OK.code();
		}
		System.out.println(String.format("%-9s %-5s %-22s %-8s %-10s %-19s %9s  %s", "exécution", "run", "traitement",
				"exercice", "statut", "début", "durée", "étapes lues/écrites/filtrées — paramètres"));
		for (JobExecution execution : shown) {
			long read = 0;
			long written = 0;
			long filtered = 0;
			for (StepExecution step : execution.getStepExecutions()) {
				if (step.getStepName().contains(":")) {
					// a partition ("worker:partition"): its counts are already in its manager step's
					continue;
				}
				read += step.getReadCount();
				written += step.getWriteCount();
				filtered += step.getFilterCount();
			}
			Long exerciceParameter = execution.getJobParameters().getLong("exercice");
			System.out.println(String.format("%-9d %-5d %-22s %-8s %-10s %-19s %9s  %d/%d/%d — %s", execution.getId(),
					execution.getJobInstanceId(), execution.getJobInstance().getJobName(),
					exerciceParameter == null ? "" : exerciceParameter, execution.getStatus(),
					format(execution.getStartTime()), duration(execution), read, written, filtered,
					parameters(execution)));
		}
		return ExitCode.OK.code();
	}

	private static String parameters(JobExecution execution) {
		List<String> shown = new ArrayList<>();
		execution.getJobParameters().parameters().stream()
			.filter(p -> !p.name().equals("exercice"))
			.sorted(Comparator.comparing(p -> p.name()))
			.forEach(p -> {
				String value = String.valueOf(p.value());
				shown.add(p.name() + "=" + (value.length() > 16 && p.name().toLowerCase().contains("checksum")
						? value.substring(0, 12) + "…" : value));
			});
		return String.join(" ", shown);
	}

	private static String format(LocalDateTime time) {
		return time == null ? "" : TIME.format(time);
	}

	private static String duration(JobExecution execution) {
		if (execution.getStartTime() == null) {
			return "";
		}
		LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
		Duration duration = Duration.between(execution.getStartTime(), end);
		return String.format(Locale.FRANCE, "%.1f s", duration.toMillis() / 1000.0);
	}

}
