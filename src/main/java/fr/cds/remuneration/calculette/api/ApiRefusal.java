package fr.cds.remuneration.calculette.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why the API refuses a request, in French, with every field refused. */
@Schema(description = "Refus de la demande : un message et chaque champ refusé")
public record ApiRefusal(@Schema(example = "2 valeurs sont à corriger") String message, List<FieldError> erreurs) {

	/** A refused field: its path in the request, the value sent and why. */
	@Schema(description = "Un champ refusé")
	public record FieldError(@Schema(example = "valeurs.etp_infirmier") String champ,
			@Schema(example = "deux") String valeur,
			@Schema(example = "nombre non reconnu") String message) {
	}

	static ApiRefusal of(String message) {
		return new ApiRefusal(message, List.of());
	}

}
