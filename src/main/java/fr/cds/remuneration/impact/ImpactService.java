package fr.cds.remuneration.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.model.RuleSet;

/**
 * What would a draft avenant cost? Recomputes every centre of a paid exercice from its frozen
 * snapshot under the base rules and under each draft, and writes the comparison to
 * {@code <output>/impact/<name>/}. A plain service, not a batch job: it reads the snapshot once and
 * writes only files, never a job execution, a result or a ledger entry, so that any number of
 * drafts can be tried while the exercice stays as it was paid.
 */
@Component
public class ImpactService {

	private static final Log logger = LogFactory.getLog(ImpactService.class);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,79}");

	private final ImpactSnapshotReader snapshots;

	private final RuleSetCatalog catalog;

	private final ImpactHtmlWriter html;

	private final DraftRules draftRules;

	public ImpactService(ImpactSnapshotReader snapshots, RuleSetCatalog catalog, ImpactHtmlWriter html) {
		this.snapshots = snapshots;
		this.catalog = catalog;
		this.html = html;
		this.draftRules = new DraftFiles();
	}

	/**
	 * What the operator asked for.
	 *
	 * @param drafts the draft files, each compared to the base
	 * @param base the base rule set ({@code id@version}); default: that of the latest completed run
	 * @param rulesLocation where the base is read; default: where that run read its rules
	 * @param finess the centre to print, line by line, instead of writing the reports
	 * @param name the directory under {@code <output>/impact/}; default: exercice and drafts' names
	 */
	public record Request(int exercice, List<Path> drafts, Optional<String> base, Optional<String> rulesLocation,
			Optional<String> finess, Path outputDir, Optional<String> name) {
	}

	/** How it ended (the command turns it into an exit code). */
	public enum Status {
		DONE, USAGE, NO_SNAPSHOT, RULES_REFUSED
	}

	/** How it ended, a message for the operator and, for a centre's view, its text. */
	public record Outcome(Status status, String message, Optional<Path> directory, String centreText) {

		static Outcome refused(Status status, String message) {
			return new Outcome(status, message, Optional.empty(), "");
		}

	}

	public Outcome run(Request request) {
		Optional<String> usage = usageProblem(request);
		if (usage.isPresent()) {
			return Outcome.refused(Status.USAGE, usage.get());
		}
		PhaseClock clock = new PhaseClock();
		Optional<ImpactSnapshot> read = this.snapshots.read(request.exercice());
		if (read.isEmpty()) {
			return Outcome.refused(Status.NO_SNAPSHOT, "L'exercice " + request.exercice()
					+ " n'a pas de traitement annuel terminé : aucune donnée figée sur laquelle estimer un projet.");
		}
		ImpactSnapshot snapshot = read.get();
		if (request.finess().isPresent() && !snapshot.hasCentre(request.finess().get())) {
			return Outcome.refused(Status.USAGE, "Le centre " + request.finess().get()
					+ " n'est pas parmi les centres de l'exercice " + request.exercice() + ".");
		}
		clock.lap("lecture des données figées");
		ExerciceRules base;
		List<Draft> drafts = new ArrayList<>();
		try {
			String location = request.rulesLocation().orElse(snapshot.baseRulesLocation());
			RuleSet baseSet = this.catalog.repository(location)
				.forExercice(request.exercice(), Optional.of(request.base().orElse(snapshot.baseRuleSet())));
			base = ExerciceRules.resolve(baseSet, request.exercice());
			for (Path file : request.drafts()) {
				RuleSet draft = this.draftRules.load(file, baseSet);
				drafts.add(new Draft(Draft.nameOf(file), file, ExerciceRules.resolve(draft, request.exercice())));
			}
		}
		catch (RuleSetException ex) {
			return Outcome.refused(Status.RULES_REFUSED, ex.getMessage());
		}
		List<String> centres = request.finess().map(List::of).orElse(snapshot.centres());
		List<DraftImpact> impacts = ImpactComputation.compute(centres, snapshot::of, base, drafts);
		clock.lap(centres.size() + " centres × " + (drafts.size() + 1) + " jeux de règles calculés");
		if (request.finess().isPresent()) {
			StringBuilder text = new StringBuilder();
			for (DraftImpact impact : impacts) {
				text.append(CentreComparison.render(impact.draft(), impact.centres().get(0))).append('\n');
			}
			return new Outcome(Status.DONE, "", Optional.empty(), text.toString());
		}
		ImpactReport report = ImpactReport.of(request.exercice(), base.ruleSet().reference(), snapshot.annualRunId(),
				LocalDate.now(), impacts);
		clock.lap("totaux et distribution");
		Path directory = request.outputDir()
			.resolve("impact")
			.resolve(request.name().orElse(defaultName(request.exercice(), drafts)));
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("création impossible de " + directory, ex);
		}
		ImpactCsvWriter.write(directory, report);
		clock.lap("CSV écrits");
		ImpactXlsxWriter.write(directory, report);
		clock.lap("XLSX écrit");
		this.html.write(directory, report);
		NegotiationSummary.write(directory, report);
		clock.lap("HTML et synthèse écrits");
		String timing = clock.summary();
		logger.info("Impact de " + drafts.stream().map(Draft::reference).toList() + " sur l'exercice "
				+ request.exercice() + " : " + timing);
		return new Outcome(Status.DONE, "Impact de " + drafts.size() + " projet(s) sur " + centres.size()
				+ " centres de l'exercice " + request.exercice() + " (base " + base.ruleSet().reference()
				+ ") : rapports dans " + directory + " (" + timing + ")", Optional.of(directory), "");
	}

	private static String defaultName(int exercice, List<Draft> drafts) {
		return exercice + "-" + String.join("+", drafts.stream().map(Draft::name).toList());
	}

	private static Optional<String> usageProblem(Request request) {
		if (request.drafts().isEmpty()) {
			return Optional.of("Au moins un projet est requis : --amendment FICHIER (répétable).");
		}
		for (Path file : request.drafts()) {
			if (!Files.isRegularFile(file)) {
				return Optional.of("--amendment " + file + " : fichier introuvable.");
			}
		}
		if (request.drafts().stream().map(Draft::nameOf).distinct().count() < request.drafts().size()) {
			return Optional.of("Deux projets portent le même nom de fichier " + request.drafts().stream()
				.map(Draft::nameOf)
				.toList() + " : renommez-en un, le nom distingue les projets dans les rapports.");
		}
		if (request.finess().isPresent() && !Finess.isWellFormed(request.finess().get())) {
			return Optional.of("--finess " + request.finess().get() + " : FINESS mal formé (9 caractères).");
		}
		if (request.name().isPresent() && !NAME.matcher(request.name().get()).matches()) {
			return Optional.of("--name : lettres, chiffres, '.', '_', '+' ou '-' (80 au plus), par exemple avenant-7.");
		}
		return Optional.empty();
	}

}
