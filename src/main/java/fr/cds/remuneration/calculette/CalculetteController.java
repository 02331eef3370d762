package fr.cds.remuneration.calculette;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import fr.cds.remuneration.output.TemplateFormats;

/**
 * The calculette's two requests: {@code GET /} shows the form of an exercice and centre type (the
 * choice only, on a first visit), {@code POST /estimation} estimates the centre typed in it. Every
 * value comes with the request and goes with the response: nothing is stored, and the responses
 * are marked not to be stored by the browser either.
 */
@Controller
class CalculetteController {

	static final String VIEW = "calculette";

	private final Calculette calculette;

	CalculetteController(Calculette calculette) {
		this.calculette = calculette;
	}

	@GetMapping("/")
	String form(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
		FormValues values = new FormValues(parameters);
		boolean chosen = parameters.containsKey(Calculette.TYPE);
		return show(chosen ? this.calculette.form(values) : this.calculette.start(values), model, response);
	}

	/**
	 * The form filled with the values posted, without an estimate: a contract slot added, or the
	 * answers reloaded from a file the manager saved (the browser reads the file, nothing is uploaded
	 * to be kept).
	 */
	@PostMapping("/formulaire")
	String refill(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
		return show(this.calculette.form(new FormValues(parameters)), model, response);
	}

	@PostMapping("/estimation")
	String estimate(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
		return show(this.calculette.estimate(new FormValues(parameters)), model, response);
	}

	private static String show(CalculettePage page, Model model, HttpServletResponse response) {
		model.addAttribute("page", page);
		model.addAttribute("fmt", TemplateFormats.INSTANCE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (!page.problems().isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return VIEW;
	}

}
