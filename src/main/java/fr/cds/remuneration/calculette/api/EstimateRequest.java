package fr.cds.remuneration.calculette.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A centre to estimate, in the vocabulary of the calculette's form: the questions of
 * {@code GET /api/v1/rules/{exercice}/{type}} answered by name, and the contracts one by one. A
 * value left out is not declared (a count left out counts none); the médecin-traitant forfait,
 * the supplements and the contract aids are estimated only when some of their values are given.
 */
@Schema(description = "Un centre à estimer : les réponses aux questions de GET /api/v1/rules/{exercice}/{type}, par nom")
public record EstimateRequest(
		@Schema(description = "Exercice (année d'activité)", example = "2024", requiredMode = Schema.RequiredMode.REQUIRED)
		Integer exercice,
		@Schema(description = "Type de centre : medical, polyvalent, dentaire ou infirmier", example = "polyvalent",
				requiredMode = Schema.RequiredMode.REQUIRED)
		String type,
		@Schema(description = "Réponses par nom de question (FINESS, ETP, nombres de patients, indicateurs, actes)",
				example = "{\"finess\": \"930000013\", \"etp_medecin_generaliste\": \"4\", \"patients_medecin_traitant\": \"2100\", \"ACCES_HORAIRES\": \"oui\", \"mt_DE_7_A_79_ANS\": \"1500\", \"MAJORATION_SAS\": \"850\"}")
		Map<String, String> valeurs,
		@Schema(description = "Contrats aidés du centre, un objet par contrat (colonnes de contracts.csv sans le FINESS)")
		List<Contrat> contrats) {

	/** A contract, as a row of contracts.csv without its FINESS. */
	@Schema(description = "Un contrat aidé")
	public record Contrat(@Schema(example = "AM-93-2023-07") String numero_contrat,
			@Schema(example = "ASSISTANT_MEDICAL") String type_contrat, @Schema(example = "2023-07-01") String date_debut,
			@Schema(example = "") String date_fin, @Schema(example = "0,5") String etp, @Schema(example = "ZIP") String zone) {
	}

}
