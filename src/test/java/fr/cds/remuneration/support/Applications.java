package fr.cds.remuneration.support;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import fr.cds.remuneration.Application;

/**
 * Starts the application in a test with properties of its own, given as command-line properties
 * so that they win over application.properties (several contexts, one database or another, in
 * one test). The command line stays off unless the properties set {@code cds.cli.enabled}.
 */
public final class Applications {

	private Applications() {
	}

	public static ConfigurableApplicationContext start(List<String> properties, Class<?>... moreSources) {
		Class<?>[] sources = Stream.concat(Stream.of(Application.class), Stream.of(moreSources)).toArray(Class<?>[]::new);
		Stream<String> cli = properties.stream().anyMatch(p -> p.startsWith("cds.cli.enabled="))
				? Stream.empty() : Stream.of("cds.cli.enabled=false");
		String[] arguments = Stream.concat(cli, properties.stream())
			.map(property -> "--" + property)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(sources).run(arguments);
	}

}
