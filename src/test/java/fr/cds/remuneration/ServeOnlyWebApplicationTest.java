package fr.cds.remuneration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.cli.ServeCommand;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process is a web application for {@code serve} only, as {@code Application.main} sets it up
 * from the first argument: {@code serve} starts a web server that answers the calculette's page,
 * any other command starts none, and {@code serve} run in such a process says it cannot serve.
 */
class ServeOnlyWebApplicationTest {

	@Test
	void serveStartsAWebServerWithTheCalculette() throws Exception {
		try (ConfigurableApplicationContext context = start("serve")) {
			assertThat(context).isInstanceOf(WebServerApplicationContext.class);
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			HttpResponse<String> page = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("<h1 class=\"screen-only\">Calculette de la rémunération forfaitaire");
		}
	}

	@Test
	void anyOtherCommandStartsNoWebServer() throws Exception {
		try (ConfigurableApplicationContext context = start("runs")) {
			assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
			assertThat(context.getBean(ServeCommand.class).call()).isEqualTo(ExitCode.USAGE.code());
		}
	}

	/**
	 * Starts the application as {@code main} would for {@code command}, on any free port, without
	 * running the command line.
	 */
	private static ConfigurableApplicationContext start(String command) {
		SpringApplication application = Application.application(command);
		application.addInitializers(context -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("server.port", "0", "cds.cli.enabled", "false",
					"spring.datasource.url", "jdbc:h2:mem:serve-only-" + command))));
		return application.run(command);
	}

}
