package fr.cds.remuneration.support;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

import fr.cds.remuneration.Application;

/**
 * Starts the application in a test with properties of its own, given as command-line properties
 * so that they win over application.properties (several contexts, one database or another, in
 * one test). The command line stays off unless the properties set {@code cds.cli.enabled}.
 * <p>
 * Contexts that start at the same time in one JVM (a live run and a second launch) take turns
 * while Spring Boot sets logging up: Logback has one context per JVM, and two initialisations at
 * once can reset it under each other (seen as "no conversion supplier registered for conversion
 * word [causes]"). A production process starts one context, so the turns are a test matter.
 */
public final class Applications {

	private static final ReentrantLock LOGGING_SET_UP = new ReentrantLock();

	private Applications() {
	}

	public static ConfigurableApplicationContext start(List<String> properties, Class<?>... moreSources) {
		Class<?>[] sources = Stream.concat(Stream.of(Application.class), Stream.of(moreSources)).toArray(Class<?>[]::new);
		Stream<String> cli = properties.stream().anyMatch(p -> p.startsWith("cds.cli.enabled="))
				? Stream.empty() : Stream.of("cds.cli.enabled=false");
		String[] arguments = Stream.concat(cli, properties.stream())
			.map(property -> "--" + property)
			.toArray(String[]::new);
		try {
			return new SpringApplicationBuilder(sources).listeners(new TakeTurns(Ordered.HIGHEST_PRECEDENCE),
					new TakeTurns(Ordered.LOWEST_PRECEDENCE)).run(arguments);
		}
		finally {
			while (LOGGING_SET_UP.isHeldByCurrentThread()) {
				LOGGING_SET_UP.unlock();
			}
		}
	}

	/**
	 * Takes the turn before Spring Boot's logging listener sees the start, gives it back once the
	 * context is prepared (logging set up) or the start failed.
	 */
	private record TakeTurns(int order) implements GenericApplicationListener {

		@Override
		public boolean supportsEventType(ResolvableType eventType) {
			return true;
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof ApplicationStartingEvent && this.order == Ordered.HIGHEST_PRECEDENCE) {
				LOGGING_SET_UP.lock();
			}
			else if ((event instanceof ApplicationPreparedEvent || event instanceof ApplicationFailedEvent)
					&& this.order == Ordered.LOWEST_PRECEDENCE) {
				while (LOGGING_SET_UP.isHeldByCurrentThread()) {
					LOGGING_SET_UP.unlock();
				}
			}
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
