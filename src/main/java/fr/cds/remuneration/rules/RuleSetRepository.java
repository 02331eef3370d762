package fr.cds.remuneration.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.rules.load.RuleProblem;
import fr.cds.remuneration.rules.load.Amendments;
import fr.cds.remuneration.rules.load.RuleSetParser;
import fr.cds.remuneration.rules.model.ExercicePeriod;
import fr.cds.remuneration.rules.model.IndicatorRule;
import fr.cds.remuneration.rules.model.RuleSet;
import fr.cds.remuneration.rules.model.RuleSetLayer;

/**
 * The rule-set files available to a run: the ones shipped in the application
 * ({@code classpath:rulesets/}) or those of a directory chosen by operations. Every file is parsed
 * and validated when loaded; one bad file refuses the whole directory, so that a typo is found at
 * the start of a run and not in the middle of a national computation.
 */
public final class RuleSetRepository {

	/** Location of the rule sets shipped with the application. */
	public static final String BUILT_IN = "classpath:rulesets/";

	private final List<RuleSet> ruleSets;

	private RuleSetRepository(List<RuleSet> ruleSets) {
		this.ruleSets = List.copyOf(ruleSets);
	}

	/**
	 * Loads every {@code *.yaml} file of {@code location} (a directory path or {@link #BUILT_IN}): the
	 * rule-set files, then the amendment files (those that say what they {@code amends}), each
	 * applied over the rule set it names, which may itself be the result of another amendment.
	 */
	public static RuleSetRepository load(String location) {
		RuleSetParser parser = new RuleSetParser();
		List<RuleSet> sets = new ArrayList<>();
		List<RuleProblem> problems = new ArrayList<>();
		List<NamedContent> amendments = new ArrayList<>();
		for (NamedContent file : files(location)) {
			try {
				parser.parseUnlessAmendment(file.name(), file.content())
					.ifPresentOrElse(sets::add, () -> amendments.add(file));
			}
			catch (RuleSetException ex) {
				problems.addAll(ex.problems());
			}
		}
		if (problems.isEmpty()) {
			problems.addAll(applyAmendments(sets, amendments));
		}
		if (problems.isEmpty()) {
			// only when every file could be read: with one missing, the others would seem to leave a gap
			problems.addAll(checkTogether(sets));
		}
		if (!problems.isEmpty()) {
			throw new RuleSetException(problems);
		}
		if (sets.isEmpty()) {
			throw new RuleSetException(location, "aucun fichier de règles (*.yaml) trouvé");
		}
		return new RuleSetRepository(sets);
	}

	/** Applies each amendment over the rule set it names, once that one is known; adds the results to {@code sets}. */
	private static List<RuleProblem> applyAmendments(List<RuleSet> sets, List<NamedContent> amendments) {
		List<RuleProblem> problems = new ArrayList<>();
		List<NamedContent> waiting = new ArrayList<>(amendments);
		boolean progress = true;
		while (!waiting.isEmpty() && progress) {
			progress = false;
			for (NamedContent amendment : List.copyOf(waiting)) {
				String amends = Amendments.amends(amendment.content()).orElse("");
				Optional<RuleSet> base = sets.stream().filter(s -> s.reference().equals(amends)).findFirst();
				if (base.isEmpty()) {
					continue;
				}
				waiting.remove(amendment);
				progress = true;
				try {
					sets.add(Amendments.apply(base.get(), List.of(new RuleSetLayer(amendment.name(), amendment.content()))));
				}
				catch (RuleSetException ex) {
					problems.addAll(ex.problems());
				}
			}
		}
		for (NamedContent amendment : waiting) {
			problems.add(new RuleProblem(RuleSetParser.fileName(amendment.name()), 0, "amends",
					"modifie " + Amendments.amends(amendment.content()).orElse("?") + ", qu'aucun fichier du répertoire ne définit"
							+ " (disponibles : " + sets.stream().map(RuleSet::reference).toList() + ")"));
		}
		return problems;
	}

	/**
	 * Checks the files of a location as a whole: one file per {@code id@version}, and successive
	 * accords that leave no exercice uncovered between them and never cover the same one, so that
	 * the exercice alone says which accord applies.
	 */
	static List<RuleProblem> checkTogether(List<RuleSet> sets) {
		List<RuleProblem> problems = new ArrayList<>();
		Map<String, RuleSet> byReference = new HashMap<>();
		Map<String, ExercicePeriod> spans = new HashMap<>();
		Map<String, String> files = new HashMap<>();
		for (RuleSet set : sets) {
			RuleSet other = byReference.putIfAbsent(set.reference(), set);
			if (other != null) {
				problems.add(new RuleProblem(RuleSetParser.fileName(set.origin()), 0, "ruleset", "le jeu de règles " + set.reference()
						+ " est aussi défini dans " + RuleSetParser.fileName(other.origin()) + " : donnez à chaque édition sa propre version"));
			}
			if (set.namedOnly()) {
				// an alternative a run names: it may cover exercices another rule set covers
				continue;
			}
			spans.merge(set.id(), set.exercices(), RuleSetRepository::span);
			files.putIfAbsent(set.id(), RuleSetParser.fileName(set.origin()));
		}
		List<Map.Entry<String, ExercicePeriod>> ordered = spans.entrySet()
			.stream()
			.sorted(Comparator.comparingInt(e -> e.getValue().from()))
			.toList();
		for (int i = 1; i < ordered.size(); i++) {
			var previous = ordered.get(i - 1);
			var next = ordered.get(i);
			String both = previous.getKey() + " couvre " + previous.getValue() + " et " + next.getKey() + " couvre "
					+ next.getValue();
			if (previous.getValue().overlaps(next.getValue())) {
				problems.add(new RuleProblem(files.get(next.getKey()), 0, "exercices", "validités qui se chevauchent : " + both));
			}
			else if (previous.getValue().to() + 1 < next.getValue().from()) {
				ExercicePeriod gap = new ExercicePeriod(previous.getValue().to() + 1, next.getValue().from() - 1);
				problems.add(new RuleProblem(files.get(next.getKey()), 0, "exercices",
						"exercice manquant : aucun jeu de règles ne couvre " + gap + " (" + both + ")"));
			}
		}
		problems.addAll(checkContinuations(sets));
		return problems;
	}

	/**
	 * The indicators an indicator {@code continues} are in force in the exercice before its first,
	 * in the rule sets of the location that cover that exercice (none there: nothing to check).
	 */
	private static List<RuleProblem> checkContinuations(List<RuleSet> sets) {
		List<RuleProblem> problems = new ArrayList<>();
		for (RuleSet set : sets) {
			for (IndicatorRule indicator : set.indicators()) {
				if (indicator.continues() == null) {
					continue;
				}
				int before = indicator.validity().within(set.exercices()).from() - 1;
				List<RuleSet> previous = sets.stream().filter(r -> !r.namedOnly() && r.exercices().contains(before)).toList();
				for (String code : indicator.continues().value()) {
					boolean inForce = previous.stream()
						.flatMap(r -> r.indicator(code).stream())
						.anyMatch(i -> i.validity().contains(before));
					if (!previous.isEmpty() && !inForce) {
						problems.add(new RuleProblem(RuleSetParser.fileName(set.origin()), 0, indicator.code() + ".continues",
								"indicateur inconnu '" + code + "' : aucun indicateur de ce code n'est en vigueur en " + before));
					}
				}
			}
		}
		return problems;
	}

	/** The smallest period holding both (the editions of one accord may differ in their exercices). */
	private static ExercicePeriod span(ExercicePeriod a, ExercicePeriod b) {
		Integer to = a.to() == null || b.to() == null ? null : Math.max(a.to(), b.to());
		return new ExercicePeriod(Math.min(a.from(), b.from()), to);
	}

	public List<RuleSet> all() {
		return this.ruleSets;
	}

	/** The rule sets the exercice alone chooses between (not those a run must name). */
	public List<RuleSet> chosenByExercice() {
		return this.ruleSets.stream().filter(r -> !r.namedOnly()).toList();
	}

	/**
	 * The rule set for {@code exercice}: the one named by {@code reference} ({@code id@version}) if
	 * given, otherwise the newest version of the rule set covering the exercice, among those a run
	 * need not name ({@link RuleSet#namedOnly()}).
	 */
	public RuleSet forExercice(int exercice, Optional<String> reference) {
		List<RuleSet> covering = this.ruleSets.stream()
			.filter(r -> !r.namedOnly() && r.exercices().contains(exercice))
			.toList();
		if (reference.isPresent()) {
			RuleSet named = this.ruleSets.stream()
				.filter(r -> r.reference().equals(reference.get()))
				.findFirst()
				.orElseThrow(() -> new RuleSetException(reference.get(), "aucun jeu de règles " + reference.get()
						+ " (disponibles : " + this.ruleSets.stream().map(RuleSet::reference).toList() + ")"));
			if (!named.exercices().contains(exercice)) {
				throw new RuleSetException(named.origin(),
						named.reference() + " couvre les exercices " + named.exercices() + ", pas " + exercice);
			}
			return named;
		}
		if (covering.stream().map(RuleSet::id).distinct().count() > 1) {
			throw new RuleSetException("rulesets", "plusieurs jeux de règles couvrent l'exercice " + exercice + " : "
					+ covering.stream().map(RuleSet::reference).toList() + " ; désignez-en un");
		}
		return covering.stream()
			.max(Comparator.comparing(RuleSet::version, RuleSetRepository::compareVersions))
			.orElseThrow(() -> new RuleSetException("rulesets", "aucun jeu de règles ne couvre l'exercice " + exercice));
	}

	public ExerciceRules rulesFor(int exercice, Optional<String> reference) {
		return ExerciceRules.resolve(forExercice(exercice, reference), exercice);
	}

	/** Compares versions such as {@code 2026.1} and {@code 2026.10} number by number. */
	static int compareVersions(String a, String b) {
		String[] left = a.split("\\.");
		String[] right = b.split("\\.");
		for (int i = 0; i < Math.max(left.length, right.length); i++) {
			String l = i < left.length ? left[i] : "0";
			String r = i < right.length ? right[i] : "0";
			int cmp = l.matches("\\d+") && r.matches("\\d+") ? Long.compare(Long.parseLong(l), Long.parseLong(r))
					: l.compareTo(r);
			if (cmp != 0) {
				return cmp;
			}
		}
		return 0;
	}

	private record NamedContent(String name, byte[] content) {
	}

	private static List<NamedContent> files(String location) {
		try {
			if (location.startsWith("classpath:")) {
				List<NamedContent> files = new ArrayList<>();
				Resource[] resources = new PathMatchingResourcePatternResolver()
					.getResources(location.endsWith("/") ? location + "*.yaml" : location + "/*.yaml");
				for (Resource resource : resources) {
					try (var in = resource.getInputStream()) {
						files.add(new NamedContent(resource.getFilename(), in.readAllBytes()));
					}
				}
				files.sort(Comparator.comparing(NamedContent::name));
				return files;
			}
			Path directory = Path.of(location);
			if (!Files.isDirectory(directory)) {
				throw new RuleSetException(location, "répertoire des règles introuvable");
			}
			try (Stream<Path> paths = Files.list(directory)) {
				List<NamedContent> files = new ArrayList<>();
				for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
					files.add(new NamedContent(path.toString(), Files.readAllBytes(path)));
				}
				return files;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lecture impossible des règles de " + location, ex);
		}
	}

}
