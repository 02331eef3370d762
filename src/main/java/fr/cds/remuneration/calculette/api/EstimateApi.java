package fr.cds.remuneration.calculette.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import fr.cds.remuneration.calculette.Calculette;
import fr.cds.remuneration.calculette.CalculettePage;
import fr.cds.remuneration.calculette.FormValues;
import fr.cds.remuneration.simulation.CentreValues;

/**
 * The calculette's API, on the same engine as its page: {@code POST /api/v1/estimate} estimates a
 * centre sent as JSON and answers the explained estimate; {@code GET /api/v1/rules/{exercice}/{type}}
 * gives the questions to ask. A refusal is a 422 with every field refused and its path in the
 * request; a name that is not a question of the exercice and type is refused, not ignored; a body
 * over {@link #MAX_BODY_BYTES} is refused with 413. Nothing is stored.
 */
@OpenAPIDefinition(info = @Info(title = "Calculette des centres de santé", version = "1",
		description = "Estimation de tous les paiements annuels d'un centre de santé (rémunération forfaitaire, forfait"
				+ " médecin traitant, suppléments à l'acte, aides sur contrat) avec les règles et le calcul du paiement"
				+ " officiel. Rien n'est enregistré."))
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class EstimateApi {

	/** Far above any centre's answers (about 3 KB with ten contracts), small enough to bound a request. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private static final Pattern CONTRACT_FIELD = Pattern.compile("contrat_(\\d+)_(.+)");

	private static final String EXAMPLE = """
			{"exercice": 2024, "type": "polyvalent",
			 "valeurs": {"finess": "930000013", "etp_medecin_generaliste": "4", "etp_infirmier": "2",
			  "patients_medecin_traitant": "2100", "c2s_medecin_traitant": "400", "ame_medecin_traitant": "30",
			  "ACCES_HORAIRES": "oui", "mt_DE_7_A_79_ANS": "1500", "mt_AGE_80_ET_PLUS": "200", "MAJORATION_SAS": "850"},
			 "contrats": [{"numero_contrat": "AM-93-2023-07", "type_contrat": "ASSISTANT_MEDICAL",
			  "date_debut": "2023-07-01", "date_fin": "", "etp": "0,5", "zone": "ZIP"}]}""";

	private final Calculette calculette;

	private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	EstimateApi(Calculette calculette) {
		this.calculette = calculette;
	}

	@Operation(summary = "Estime tous les paiements d'un centre pour un exercice",
			description = "Mêmes règles, mêmes contrôles et même calcul que le paiement officiel. Rien n'est enregistré.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = EstimateRequest.class),
							examples = @ExampleObject(name = "centre polyvalent", value = EXAMPLE))),
			responses = {
					@ApiResponse(responseCode = "200", description = "L'estimation expliquée",
							content = @Content(schema = @Schema(implementation = EstimateResponse.class))),
					@ApiResponse(responseCode = "422", description = "Valeurs refusées, chacune avec son chemin",
							content = @Content(schema = @Schema(implementation = ApiRefusal.class),
									examples = @ExampleObject(value = "{\"message\": \"Une valeur est à corriger\", \"erreurs\": [{\"champ\": \"valeurs.etp_infirmier\", \"valeur\": \"deux\", \"message\": \"nombre non reconnu\"}]}"))),
					@ApiResponse(responseCode = "413", description = "Demande trop volumineuse",
							content = @Content(schema = @Schema(implementation = ApiRefusal.class))) })
	@PostMapping(path = "/estimate")
	ResponseEntity<?> estimate(HttpServletRequest request) throws IOException {
		byte[] body = read(request);
		if (body == null) {
			return refusal(HttpStatus.CONTENT_TOO_LARGE, ApiRefusal.of("Demande trop volumineuse : au plus "
					+ MAX_BODY_BYTES / 1024 + " Ko"));
		}
		EstimateRequest estimate;
		try {
			estimate = this.json.readValue(body, EstimateRequest.class);
		}
		catch (JacksonException ex) {
			return refusal(HttpStatus.UNPROCESSABLE_CONTENT, unreadable(ex));
		}
		if (estimate == null) {
			return refusal(HttpStatus.UNPROCESSABLE_CONTENT, ApiRefusal.of("Demande vide : un objet JSON est attendu"));
		}
		List<ApiRefusal.FieldError> errors = new ArrayList<>();
		FormValues values = values(estimate, errors);
		CalculettePage page = this.calculette.form(values);
		if (page.layout() != null) {
			unknownNames(page, estimate, errors);
		}
		if (page.layout() == null || !errors.isEmpty()) {
			page.problems().forEach(p -> errors.add(new ApiRefusal.FieldError(p.field(), values.get(p.field()), p.message())));
			return refusal(HttpStatus.UNPROCESSABLE_CONTENT, refusal(errors));
		}
		page = this.calculette.estimate(values);
		if (page.estimate() == null) {
			page.problems().forEach(p -> errors.add(new ApiRefusal.FieldError(path(p.field()), values.get(p.field()),
					p.label() + " : " + p.message())));
			return refusal(HttpStatus.UNPROCESSABLE_CONTENT, refusal(errors));
		}
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(EstimateResponse.of(page.estimate()));
	}

	@Operation(summary = "Les questions de la calculette pour un exercice et un type de centre",
			description = "Générées depuis les règles de l'exercice : un autre site peut construire son propre formulaire.",
			responses = {
					@ApiResponse(responseCode = "200", description = "Les questions",
							content = @Content(schema = @Schema(implementation = RulesResponse.class))),
					@ApiResponse(responseCode = "422", description = "Exercice ou type inconnu",
							content = @Content(schema = @Schema(implementation = ApiRefusal.class))) })
	@GetMapping("/rules/{exercice}/{type}")
	ResponseEntity<?> rules(@Parameter(example = "2024") @PathVariable String exercice,
			@Parameter(example = "polyvalent", description = "medical, polyvalent, dentaire ou infirmier") @PathVariable String type) {
		CalculettePage page = this.calculette.form(new FormValues(Map.of(Calculette.EXERCICE, exercice, Calculette.TYPE, type)));
		if (page.layout() == null) {
			List<ApiRefusal.FieldError> errors = page.problems()
				.stream()
				.map(p -> new ApiRefusal.FieldError(p.field(), p.field().equals(Calculette.TYPE) ? type : exercice,
						p.message()))
				.toList();
			return refusal(HttpStatus.UNPROCESSABLE_CONTENT, refusal(errors));
		}
		return ResponseEntity.ok(RulesResponse.of(page.layout()));
	}

	/** The body, or {@code null} when it is larger than the limit (read no further than the limit). */
	private static byte[] read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			return body.length > MAX_BODY_BYTES ? null : body;
		}
	}

	/** The request as the form's values: the answers by name, each contract in its numbered slot. */
	private static FormValues values(EstimateRequest request, List<ApiRefusal.FieldError> errors) {
		Map<String, String> values = new HashMap<>();
		if (request.valeurs() != null) {
			values.putAll(request.valeurs());
		}
		values.put(Calculette.EXERCICE, request.exercice() == null ? "" : String.valueOf(request.exercice()));
		values.put(Calculette.TYPE, request.type() == null ? "" : request.type());
		if (request.contrats() != null) {
			int slot = 0;
			for (EstimateRequest.Contrat contract : request.contrats()) {
				slot++;
				if (contract == null) {
					errors.add(new ApiRefusal.FieldError("contrats[" + (slot - 1) + "]", "null", "contrat vide"));
					continue;
				}
				values.put(CentreValues.contractName(slot, "numero_contrat"), text(contract.numero_contrat()));
				values.put(CentreValues.contractName(slot, "type_contrat"), text(contract.type_contrat()));
				values.put(CentreValues.contractName(slot, "date_debut"), text(contract.date_debut()));
				values.put(CentreValues.contractName(slot, "date_fin"), text(contract.date_fin()));
				values.put(CentreValues.contractName(slot, "etp"), text(contract.etp()));
				values.put(CentreValues.contractName(slot, "zone"), text(contract.zone()));
			}
		}
		return new FormValues(values);
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	/** Every name of {@code valeurs} that is not a question of the exercice and type, refused. */
	private static void unknownNames(CalculettePage page, EstimateRequest request, List<ApiRefusal.FieldError> errors) {
		if (request.valeurs() == null) {
			return;
		}
		var known = page.layout().labels().keySet();
		request.valeurs().forEach((name, value) -> {
			if (!known.contains(name)) {
				errors.add(new ApiRefusal.FieldError("valeurs." + name, value, "question inconnue pour l'exercice "
						+ page.layout().exercice() + " et le type " + page.layout().type().fileValue()
						+ " (voir GET /api/v1/rules/" + page.layout().exercice() + "/" + page.layout().type().fileValue() + ")"));
			}
		});
	}

	/** The path in the request of a field of the form: {@code valeurs.etp_infirmier}, {@code contrats[0].etp}. */
	static String path(String field) {
		if (field.equals(Calculette.EXERCICE) || field.equals(Calculette.TYPE)) {
			return field;
		}
		Matcher contract = CONTRACT_FIELD.matcher(field);
		if (contract.matches()) {
			return "contrats[" + (Integer.parseInt(contract.group(1)) - 1) + "]." + contract.group(2);
		}
		return "valeurs." + field;
	}

	/** A body that is not the JSON expected, said in French with the path of the field. */
	private static ApiRefusal unreadable(JacksonException ex) {
		String path = ex instanceof DatabindException databind ? pathOf(databind) : "";
		String reason;
		if (ex instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
			reason = "champ inconnu « " + unknown.getPropertyName() + " »";
		}
		else if (ex instanceof tools.jackson.databind.exc.MismatchedInputException) {
			reason = "valeur du mauvais type (texte, nombre, objet ou liste attendu selon le champ)";
		}
		else {
			reason = "JSON mal formé (ligne " + (ex.getLocation() == null ? "?" : ex.getLocation().getLineNr()) + ")";
		}
		return new ApiRefusal("Demande illisible", List.of(new ApiRefusal.FieldError(path, "", reason)));
	}

	private static String pathOf(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		for (var reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ApiRefusal refusal(List<ApiRefusal.FieldError> errors) {
		return new ApiRefusal(errors.size() == 1 ? "Une valeur est à corriger" : errors.size() + " valeurs sont à corriger",
				List.copyOf(errors));
	}

	private static ResponseEntity<ApiRefusal> refusal(HttpStatus status, ApiRefusal refusal) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(refusal);
	}

}
