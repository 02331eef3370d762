package fr.cds.remuneration.calculette;

import java.util.Arrays;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin calls to the calculette's API: none unless origins are named
 * ({@code cds.calculette.cors.allowed-origins}, e.g. a federation's site that embeds the
 * calculette), and then only to the API, only GET and POST, without credentials.
 */
@Configuration(proxyBeanMethods = false)
class CalculetteCors implements WebMvcConfigurer {

	private final String[] origins;

	CalculetteCors(@Value("${cds.calculette.cors.allowed-origins:}") String origins) {
		this.origins = Arrays.stream(origins.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toArray(String[]::new);
	}

	@Override
	public void addCorsMappings(CorsRegistry registry) {
		if (this.origins.length > 0) {
			registry.addMapping("/api/**").allowedOrigins(this.origins).allowedMethods("GET", "POST")
				.allowedHeaders("Content-Type").allowCredentials(false).maxAge(3600);
		}
	}

}
