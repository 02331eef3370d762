package fr.cds.remuneration.calculette;

import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer to every request that fails, in French and without any detail of the program: the
 * status of the failure (404 for {@code /error} asked directly, which is no page), as JSON for the
 * API and as a short page otherwise. Replaces Spring Boot's error page, which answered a direct
 * {@code GET /error} with a 500.
 */
@Controller
class ErrorAnswers implements ErrorController {

	private static final Map<Integer, String> MESSAGES = Map.of(400, "Demande mal formée", 404, "Page introuvable",
			405, "Méthode non permise pour cette adresse", 406, "Format de réponse non disponible", 413,
			"Demande trop volumineuse", 415, "Format de demande non pris en charge (JSON attendu pour l'API)", 422,
			"Valeurs refusées");

	@RequestMapping("/error")
	ResponseEntity<?> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value && value >= 400 ? value : HttpStatus.NOT_FOUND.value();
		String message = MESSAGES.getOrDefault(status, status >= 500 ? "Erreur interne : réessayez plus tard"
				: "Demande refusée");
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path && path.startsWith("/api/")) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("message", message, "erreurs", List.of()));
		}
		String page = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"/><title>" + HtmlUtils.htmlEscape(message)
				+ "</title></head><body><main><h1>" + HtmlUtils.htmlEscape(message)
				+ "</h1><p><a href=\"/\">Retour à la calculette</a></p></main></body></html>";
		return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8)).body(page);
	}

}
