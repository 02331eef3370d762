package fr.cds.remuneration;

import java.net.URL;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import fr.cds.remuneration.cli.ServeCommand;

/**
 * The start from the context Spring AOT prepared when the jar was built (issue 21: the parsing of
 * the configuration classes and the evaluation of their conditions are a fifth of the start's CPU).
 *
 * <p>{@code process-aot} (pom.xml) froze the bean definitions that the jar's own configuration
 * gives: no profile, {@code application.properties} only, {@code main}'s choice of a plain (not web)
 * application. They are used only when the launch's configuration is that one, which is decided
 * twice: {@link #request} before Spring (a jar built with them, not {@code serve}, which runs as a
 * web application under its profile, and not switched off by {@code CDS_SPRING_AOT=off}), then
 * {@link #onApplicationEvent} once the environment is read, before the context is created: any
 * active profile ({@code postgres}, {@code remote-partitioning}…), any other configuration file
 * ({@code ./application.properties}, {@code config/}, {@code SPRING_APPLICATION_JSON}…) or any
 * {@code spring.*} setting or {@code cds.cli.enabled} from the environment or a system property
 * (which a condition may read) makes it the ordinary start. Property values (the database's URL,
 * {@code CDS_HOME}…) are read at every start either way: only the choice of beans is frozen.
 */
final class AotStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** Switches the prepared start off ({@code off}); the ordinary start is then always used. */
	static final String SWITCH = "CDS_SPRING_AOT";

	/** The class {@code process-aot} generates for {@link Application}. */
	static final String INITIALIZER = Application.class.getName() + "__ApplicationContextInitializer";

	/** The configuration the frozen context was prepared with: the jar's own file. */
	static final String JAR_CONFIGURATION = "Config resource 'class path resource [application.properties]' via location 'optional:classpath:/'";

	/** Property sources every start has, whose content is checked or holds no setting. */
	private static final Set<String> USUAL_SOURCES = Set.of("configurationProperties", "random", "applicationInfo",
			"systemProperties", "systemEnvironment", JAR_CONFIGURATION);

	private static final Log log = LogFactory.getLog(AotStart.class);

	private static volatile boolean requested;

	/**
	 * Asks for the prepared start when this jar holds it and the command line allows it; to be
	 * called by {@code main} before Spring starts.
	 */
	static void request(Map<String, String> processEnvironment, String... args) {
		// (process-aot runs main itself to prepare the context, with spring.aot.processing set)
		if (System.getProperty(AotDetector.AOT_ENABLED) != null || System.getProperty("spring.aot.processing") != null
				|| "off".equalsIgnoreCase(processEnvironment.getOrDefault(SWITCH, ""))
				|| (args.length > 0 && ServeCommand.NAME.equals(args[0])) || !builtIntoThisJar()) {
			return;
		}
		requested = true;
		System.setProperty(AotDetector.AOT_ENABLED, "true");
	}

	/**
	 * Whether the prepared context is in the jar this process runs: a class directory (the tests'
	 * {@code target/classes}) may hold one that an earlier {@code package} left there, older than the
	 * classes compiled since, and is always started the ordinary way.
	 */
	private static boolean builtIntoThisJar() {
		URL initializer = AotStart.class.getClassLoader().getResource(INITIALIZER.replace('.', '/') + ".class");
		return initializer != null && "jar".equals(initializer.getProtocol());
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (!requested) {
			return;
		}
		Optional<String> difference = difference(event.getEnvironment());
		if (difference.isPresent()) {
			System.clearProperty(AotDetector.AOT_ENABLED);
			requested = false;
			log.debug("ordinary start: " + difference.get());
		}
		else {
			log.debug("prepared start (Spring AOT)");
		}
	}

	/** After the logging system starts (its listener's order is HIGHEST_PRECEDENCE + 20). */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 30;
	}

	/**
	 * What makes this environment differ from the one the context was prepared with, if anything.
	 */
	static Optional<String> difference(ConfigurableEnvironment environment) {
		if (environment.getActiveProfiles().length > 0) {
			return Optional.of("active profiles " + String.join(",", environment.getActiveProfiles()));
		}
		// an empty value is no setting (jobs/launch.sh exports SPRING_PROFILES_ACTIVE empty) unless it
		// empties one the jar's file gives: SPRING_AUTOCONFIGURE_EXCLUDE= brings back the excluded
		// auto-configurations, which the frozen context keeps out
		Set<String> jarSettings = new HashSet<>();
		if (environment.getPropertySources().get(JAR_CONFIGURATION) instanceof EnumerablePropertySource<?> jar) {
			for (String name : jar.getPropertyNames()) {
				jarSettings.add(key(name));
			}
		}
		for (PropertySource<?> source : environment.getPropertySources()) {
			// (the servlet environment's placeholders, empty, are there until Spring Boot converts it)
			if (!USUAL_SOURCES.contains(source.getName()) && !(source instanceof PropertySource.StubPropertySource)) {
				return Optional.of("configuration source " + source.getName());
			}
			if (source.getName().startsWith("system") && source instanceof EnumerablePropertySource<?> names) {
				for (String name : names.getPropertyNames()) {
					Object value = names.getProperty(name);
					if (isSetting(name) && value != null
							&& (!value.toString().isEmpty() || jarSettings.contains(key(name)))) {
						return Optional.of("setting " + name + " in " + source.getName());
					}
				}
			}
		}
		return Optional.empty();
	}

	/** A name, in any of Spring's relaxed forms, that a condition may read. */
	private static boolean isSetting(String name) {
		String relaxed = relaxed(name);
		return (relaxed.startsWith("spring.") || relaxed.startsWith("springdoc.") || relaxed.startsWith("cds.cli."))
				&& !relaxed.equals(AotDetector.AOT_ENABLED);
	}

	private static String relaxed(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '.').replace("-", "");
	}

	/**
	 * One form for every spelling of a property's name ({@code SPRING_MAIN_BANNER_MODE},
	 * {@code spring.main.banner-mode}): an underscore stands for a dot or a dash.
	 */
	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT).replace("_", "").replace(".", "").replace("-", "");
	}

}
