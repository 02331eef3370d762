package fr.cds.remuneration.impact;

import java.nio.file.Path;

import fr.cds.remuneration.rules.ExerciceRules;

/**
 * One draft compared to the base: its short name (the file's name without extension), its file
 * and the rules it proposes for the exercice.
 */
public record Draft(String name, Path file, ExerciceRules rules) {

	public String reference() {
		return this.rules.ruleSet().reference();
	}

	/** The draft's short name from its file: {@code drafts/avenant-7.yaml} → {@code avenant-7}. */
	public static String nameOf(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}

}
