package fr.cds.remuneration.advance;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.rules.PaymentCalendar;
import fr.cds.remuneration.annual.AnnualRun;
import fr.cds.remuneration.annual.AnnualPaymentJobConfiguration;
import fr.cds.remuneration.centre.Declaration;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.common.FrenchFormat;
import fr.cds.remuneration.engine.CentreInputs;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.engine.AdvanceCalculator;
import fr.cds.remuneration.ledger.LedgerEntry;
import fr.cds.remuneration.ledger.PaymentKind;
import fr.cds.remuneration.ledger.PaymentLedger;
import fr.cds.remuneration.ledger.PaymentReference;
import fr.cds.remuneration.rules.PaymentSchedule;
import fr.cds.remuneration.rules.model.AdvanceTiming;
import fr.cds.remuneration.ledger.PaymentStatus;
import fr.cds.remuneration.engine.PaymentStream;
import fr.cds.remuneration.output.AdvancesFileWriter;
import fr.cds.remuneration.output.PaymentLine;
import fr.cds.remuneration.output.PaymentsFileWriter;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.run.ExerciceJobLauncher;
import fr.cds.remuneration.run.ExerciceLease;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.snapshot.RunStore;

/**
 * Computes and records the advances of an exercice N, paid during N, as the payment calendar
 * says ({@code cds.schedule.advances}). The centres' size is only known a year later, so the
 * advance is computed from the frozen snapshot of the completed annual run of N−1 (its centres,
 * staff and patient counts) under the rules of N, as if every socle indicator were met. A centre
 * that already has an advance for N in the ledger (imported, or recorded by an earlier launch) is
 * left as it is: launching again records nothing twice. Writes {@code advances.csv} (the
 * explanation) and {@code payments.csv} under {@code <output>/<N>/advances/}.
 */
@Component
public class AdvanceLauncher {

	static final String ORIGIN = "advances";

	private final ExerciceJobLauncher exerciceJobs;

	private final RuleSetCatalog catalog;

	private final RunStore store;

	private final PaymentLedger ledger;

	private final PaymentSchedule schedule;

	private final TransactionTemplate transaction;

	private final RemunerationEngine engine = new RemunerationEngine();

	private final ExerciceLease lease;

	public AdvanceLauncher(ExerciceJobLauncher exerciceJobs, RuleSetCatalog catalog, RunStore store,
			PaymentLedger ledger, PaymentSchedule schedule, PlatformTransactionManager transactionManager,
			ExerciceLease lease) {
		this.lease = lease;
		this.exerciceJobs = exerciceJobs;
		this.catalog = catalog;
		this.store = store;
		this.ledger = ledger;
		this.schedule = schedule;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** What the operator asked for. */
	public record Request(int exercice, String rulesLocation, Optional<String> ruleSet, Path outputDir) {
	}

	public JobOutcome launch(Request request) {
		int exercice = request.exercice();
		ExerciceRules rules;
		try {
			rules = this.catalog.repository(request.rulesLocation()).rulesFor(exercice, request.ruleSet());
		}
		catch (RuleSetException ex) {
			return JobOutcome.refused(ExitCode.RULES_REFUSED, ex.getMessage());
		}
		Optional<PaymentSchedule.Advance> rule = PaymentCalendar.advance(rules, this.schedule);
		if (rule.isEmpty()) {
			return JobOutcome.refused(ExitCode.USAGE, "Aucune avance n'est prévue pour l'exercice " + exercice + " (paramètre"
					+ " advance de " + rules.ruleSet().reference() + ", ou cds.schedule.advances).");
		}
		return this.exerciceJobs.underLock(exercice, () -> {
			if (!this.ledger.balanceRuns(exercice, -1).isEmpty()) {
				return JobOutcome.refused(ExitCode.ALREADY_COMPLETED, "L'exercice " + exercice + " a déjà ses"
						+ " soldes : les avances sont versées pendant l'exercice, avant son run annuel.");
			}
			List<JobExecution> previous = this.exerciceJobs.completedExecutions(AnnualPaymentJobConfiguration.JOB_NAME,
					exercice - 1);
			if (previous.isEmpty()) {
				return JobOutcome.refused(ExitCode.INPUT_REFUSED, "Les avances de " + exercice + " sont calculées à partir"
						+ " des centres payés pour " + (exercice - 1) + ", qui n'a pas de run annuel terminé. Inscrivez les"
						+ " avances calculées ailleurs avec import-payments.");
			}
			JobExecution base = previous.get(0);
			List<AdvancesFileWriter.Row> rows = this.transaction.execute(status -> {
				this.lease.fence(exercice); // fencing, in the transaction that records the advances
				return record(exercice, rules, rule.get(), base.getJobInstanceId(),
						AnnualRun.from(base.getJobParameters()).extractionDate());
			});
			Path directory = request.outputDir().resolve(String.valueOf(exercice)).resolve("advances");
			List<LedgerEntry> advances = rows.stream()
				.filter(row -> !row.reference().isEmpty())
				.map(row -> this.ledger.entry(row.reference()).orElseThrow())
				.toList();
			AdvancesFileWriter.write(directory.resolve("advances.csv"), rows);
			PaymentsFileWriter.write(directory.resolve("payments.csv"), PaymentLine.of(advances, rules.latestText().id()));
			BigDecimal total = PaymentLedger.net(advances);
			return new JobOutcome(ExitCode.OK, "Exercice " + exercice + " : " + advances.size() + " avance(s) pour "
					+ FrenchFormat.euros(total) + " calculée(s) à partir des centres du run annuel " + base.getJobInstanceId()
					+ " de " + (exercice - 1) + " selon " + rules.ruleSet().reference() + " (" + rows.size()
					+ " centres) ; sorties dans " + directory, null);
		});
	}

	/** Said only when the advance is not paid during the exercice (the common calendar). */
	private String timingNote(int exercice, ExerciceRules rules, PaymentSchedule.Advance rule) {
		if (rule.paid() != AdvanceTiming.WITH_PREVIOUS_BALANCE) {
			return "";
		}
		return "versée avec le solde de " + (exercice - 1) + PaymentCalendar.balanceDue(rules, exercice - 1, this.schedule)
			.map(date -> ", au plus tard le " + FrenchFormat.date(date))
			.orElse("");
	}

	private List<AdvancesFileWriter.Row> record(int exercice, ExerciceRules rules, PaymentSchedule.Advance rule,
			long baseRunId, LocalDate extractionDate) {
		List<AdvancesFileWriter.Row> rows = new ArrayList<>();
		LocalDate today = LocalDate.now();
		for (String finess : new TreeSet<>(this.store.centreTypes(baseRunId).keySet())) {
			// at 100 %: every socle indicator counted as met, whatever the centre declared
			CentreResult result = this.engine.compute(rules, new CentreInputs(this.store.centre(baseRunId, finess),
					new Declaration(new Finess(finess), Map.of()), this.store.patientAggregate(baseRunId, finess),
					extractionDate, 0));
			AdvanceCalculator.Computed advance = AdvanceCalculator.compute(result, rule);
			String reference = PaymentReference.advance(exercice, finess, baseRunId);
			List<LedgerEntry> already = this.ledger.entries(exercice, finess, PaymentStream.advanced())
				.stream()
				.filter(e -> e.kind() == PaymentKind.AVANCE)
				.toList();
			String name = result.centre().name();
			String region = result.centre().regionName();
			if (this.store.isHeld(baseRunId, finess)) {
				// held in N−1: its inputs there were incomplete or implausible, nothing was paid on them
				rows.add(new AdvancesFileWriter.Row(finess, name, region, advance, "", "aucune avance : centre en attente"
						+ " pour " + (exercice - 1) + " (données incomplètes ou invraisemblables, voir centres-en-attente.csv)"));
			}
			else if (already.stream().anyMatch(e -> e.reference().equals(reference))) {
				rows.add(new AdvancesFileWriter.Row(finess, name, region, advance, reference, "avance déjà enregistrée"));
			}
			else if (!already.isEmpty()) {
				rows.add(new AdvancesFileWriter.Row(finess, name, region, advance, "", "avance déjà enregistrée sous la"
						+ " référence " + already.get(0).reference() + " : aucune autre avance"));
			}
			else if (advance.amountEuros().signum() == 0) {
				rows.add(new AdvancesFileWriter.Row(finess, name, region, advance, "",
						"aucune avance : le socle ne rémunérerait rien pour l'exercice"));
			}
			else {
				this.ledger.record(new LedgerEntry(reference, finess, exercice, PaymentStream.advanced(), PaymentKind.AVANCE,
						advance.amountEuros(), rules.ruleSet().reference(), null, ORIGIN,
						"avances du run annuel " + baseRunId + " de " + (exercice - 1), PaymentStatus.COMPUTED, today,
						null, null));
				rows.add(new AdvancesFileWriter.Row(finess, name, region, advance, reference,
						advance.minimumApplied() ? "minimum appliqué" : timingNote(exercice, rules, rule)));
			}
		}
		return rows;
	}

}
