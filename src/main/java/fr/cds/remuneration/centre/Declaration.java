package fr.cds.remuneration.centre;

import java.util.Map;
import java.util.Optional;

/**
 * A centre's sworn answers to the declarative indicators for one exercice, by indicator code, as
 * written in declarations.csv. A missing answer counts as "not met".
 */
public record Declaration(Finess finess, Map<String, String> answers) {

	public Declaration {
		answers = Map.copyOf(answers);
	}

	public static Declaration none(Finess finess) {
		return new Declaration(finess, Map.of());
	}

	public Optional<String> answer(String indicatorCode) {
		return Optional.ofNullable(this.answers.get(indicatorCode));
	}

}
