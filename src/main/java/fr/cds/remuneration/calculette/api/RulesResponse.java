package fr.cds.remuneration.calculette.api;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import fr.cds.remuneration.calculette.FormLayout;

/**
 * The questions the calculette asks for an exercice and a centre type, generated from the rules
 * of that exercice, so that another site can build its own form: each with its name (the key of
 * {@code valeurs} in {@code POST /api/v1/estimate}), label, help and, for a choice, its options.
 */
@Schema(description = "Les questions de la calculette pour un exercice et un type de centre")
public record RulesResponse(@Schema(example = "2024") int exercice, @Schema(example = "polyvalent") String type,
		List<Section> sections, @Schema(description = "Types de contrats aidés (vide : aucun contrat demandé)") List<Option> typesContrat,
		@Schema(description = "Plafonds des aides sur contrat") List<String> plafondsContrats) {

	/** A group of questions. */
	public record Section(String titre, String aide, List<Question> questions) {
	}

	/**
	 * A question.
	 *
	 * @param saisie {@code texte}, {@code nombre}, {@code date} or {@code choix}
	 */
	public record Question(@Schema(example = "etp_medecin_generaliste") String nom, String libelle, String aide,
			@Schema(allowableValues = { "texte", "nombre", "date", "choix" }) String saisie, List<Option> options) {
	}

	public record Option(String valeur, String libelle) {
	}

	static RulesResponse of(FormLayout layout) {
		List<Section> sections = new ArrayList<>();
		List<Question> centre = new ArrayList<>();
		layout.identity().forEach(f -> centre.add(question(f, "texte")));
		layout.dates().forEach(f -> centre.add(question(f, "date")));
		if (layout.zone() != null) {
			centre.add(new Question(layout.zone().name(), layout.zone().label(), layout.zone().hint(), "choix",
					List.of(new Option("HORS_ZONE", "hors zone"), new Option("ZIP", "zone d'intervention prioritaire"),
							new Option("ZAC", "zone d'action complémentaire"))));
		}
		sections.add(new Section("Le centre", "", centre));
		sections.add(new Section("Personnel salarié, en équivalents temps plein (ETP)", "Nombre décimal",
				layout.staff().stream().map(f -> question(f, "nombre")).toList()));
		layout.counts()
			.forEach(g -> sections.add(new Section(g.legend(), "Nombres de patients",
					g.fields().stream().map(f -> question(f, "nombre")).toList())));
		if (layout.medecinTraitant() != null) {
			sections.add(new Section(layout.medecinTraitant().legend(), layout.medecinTraitant().hint(),
					layout.medecinTraitant().fields().stream().map(f -> question(f, "nombre")).toList()));
		}
		if (!layout.actSupplements().isEmpty()) {
			sections.add(new Section("Suppléments payés à l'acte", "Nombres d'actes de l'exercice",
					layout.actSupplements().stream().map(RulesResponse::answer).toList()));
		}
		sections.add(new Section("Socle : indicateurs à atteindre tous pour être rémunéré", "",
				layout.socle().stream().map(RulesResponse::answer).toList()));
		sections.add(new Section("Autres engagements", "", layout.optional().stream().map(RulesResponse::answer).toList()));
		if (layout.newCentre() != null) {
			sections.add(new Section("Nouveau centre", "", List.of(answer(layout.newCentre()))));
		}
		return new RulesResponse(layout.exercice(), layout.type().fileValue(), sections,
				layout.contractKinds().stream().map(o -> new Option(o.value(), o.label())).toList(),
				layout.contractCaps());
	}

	private static Question question(FormLayout.Field field, String input) {
		return new Question(field.name(), field.label(), field.hint(), input, List.of());
	}

	private static Question answer(FormLayout.AnswerField field) {
		return new Question(field.name(), field.label(), field.hint(), field.isCount() ? "nombre" : "choix",
				field.options().stream().map(o -> new Option(o.value(), o.label())).toList());
	}

}
