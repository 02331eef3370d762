package fr.cds.remuneration.calculette;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.rules.RuleSetCatalog;
import fr.cds.remuneration.rules.ExerciceRules;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.rules.model.RuleSet;

/**
 * The rule sets the calculette applies (by default those shipped with the application, which the
 * payment run applies by default too) and the exercices it offers: every exercice a rule set
 * covers, up to the current year for an accord in force until further notice.
 */
@Component
public class CalculetteRules {

	private final RuleSetCatalog catalog;

	private final String location;

	private final Clock clock;

	@Autowired
	public CalculetteRules(RuleSetCatalog catalog,
			@Value("${cds.calculette.rules:" + RuleSetRepository.BUILT_IN + "}") String location,
			ObjectProvider<Clock> clock) {
		this(catalog, location, clock.getIfAvailable(Clock::systemDefaultZone));
	}

	/** @param clock gives the current year, the last exercice offered under an accord in force */
	CalculetteRules(RuleSetCatalog catalog, String location, Clock clock) {
		this.catalog = catalog;
		this.location = location;
		this.clock = clock;
	}

	/** The exercices offered, oldest first (a rule set a run must name offers none of its own). */
	public List<Integer> exercices() {
		List<RuleSet> sets = this.catalog.repository(this.location).chosenByExercice();
		int first = sets.stream().mapToInt(s -> s.exercices().from()).min().orElseThrow();
		int last = sets.stream()
			.mapToInt(s -> s.exercices().to() != null ? s.exercices().to()
					: Math.max(s.exercices().from(), Year.now(this.clock).getValue()))
			.max()
			.orElseThrow();
		return IntStream.rangeClosed(first, last).boxed().toList();
	}

	/**
	 * The exercice proposed first: the year before the current one, the exercice centres declare
	 * in January–March (within the exercices offered).
	 */
	public int defaultExercice() {
		List<Integer> exercices = exercices();
		int previousYear = Year.now(this.clock).getValue() - 1;
		return Math.max(exercices.get(0), Math.min(previousYear, exercices.get(exercices.size() - 1)));
	}

	public boolean offers(int exercice) {
		return exercices().contains(exercice);
	}

	/** The rules of an offered exercice (the newest version of the rule set covering it). */
	public ExerciceRules rulesFor(int exercice) {
		return this.catalog.repository(this.location).rulesFor(exercice, Optional.empty());
	}

	/** The rules of the exercice after {@code exercice}, when it is offered too. */
	public Optional<ExerciceRules> rulesAfter(int exercice) {
		return offers(exercice + 1) ? Optional.of(rulesFor(exercice + 1)) : Optional.empty();
	}

}
