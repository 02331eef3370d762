package fr.cds.remuneration;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prepared (Spring AOT) start is used only with the configuration it was prepared with: the
 * environment is the one Spring Boot prepares for {@code main}'s application, with the process's
 * variables and system properties given by the test.
 */
class AotStartTest {

	@Test
	void theJarsOwnConfigurationIsTheFrozenOne() {
		assertThat(differenceAtStart(Map.of(), Map.of(), "run")).isEmpty();
		assertThat(differenceAtStart(Map.of(), Map.of(), "runs")).isEmpty();
	}

	@Test
	void theDatabaseAndTheHomeAreReadAtEveryStartAndDoNotMatter() {
		assertThat(differenceAtStart(Map.of("CDS_DB_URL", "jdbc:postgresql://db/cds", "CDS_HOME", "/srv/cds",
				"CDS_DB_USER", "cds", "SPRING_PROFILES_ACTIVE", ""), Map.of(), "run"))
			.isEmpty();
	}

	@Test
	void anActiveProfileMakesItTheOrdinaryStart() {
		assertThat(differenceAtStart(Map.of(), Map.of(), "serve")).contains("active profiles serve");
		assertThat(differenceAtStart(Map.of("SPRING_PROFILES_ACTIVE", "remote-partitioning,postgres"), Map.of(),
				"run"))
			.contains("active profiles remote-partitioning,postgres");
	}

	@Test
	void aSpringSettingOrTheCliSwitchFromTheEnvironmentMakesItTheOrdinaryStart() {
		assertThat(differenceAtStart(Map.of("SPRING_MAIN_LAZY_INITIALIZATION", "true"), Map.of(), "run"))
			.contains("setting SPRING_MAIN_LAZY_INITIALIZATION in systemEnvironment");
		assertThat(differenceAtStart(Map.of("CDS_CLI_ENABLED", "false"), Map.of(), "run"))
			.contains("setting CDS_CLI_ENABLED in systemEnvironment");
		// empty, a setting the jar's file gives is emptied (the excluded auto-configurations come back)
		assertThat(differenceAtStart(Map.of(), Map.of("spring.autoconfigure.exclude", ""), "run"))
			.contains("setting spring.autoconfigure.exclude in systemProperties");
		assertThat(differenceAtStart(Map.of("SPRING_MAIN_BANNER_MODE", ""), Map.of(), "run"))
			.contains("setting SPRING_MAIN_BANNER_MODE in systemEnvironment");
		// empty, one it does not give is no setting
		assertThat(differenceAtStart(Map.of("SPRING_MAIN_LAZY_INITIALIZATION", ""), Map.of(), "run")).isEmpty();
		assertThat(differenceAtStart(Map.of(), Map.of("spring.batch.job.enabled", "true"), "run"))
			.contains("setting spring.batch.job.enabled in systemProperties");
		assertThat(differenceAtStart(Map.of(), Map.of("springdoc.api-docs.enabled", "true"), "run"))
			.contains("setting springdoc.api-docs.enabled in systemProperties");
		assertThat(differenceAtStart(Map.of(), Map.of(AotDetector.AOT_ENABLED, "true"), "run")).isEmpty();
	}

	@Test
	void anotherConfigurationSourceMakesItTheOrdinaryStart() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of()));
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of()));
		environment.getPropertySources().addLast(new MapPropertySource(AotStart.JAR_CONFIGURATION, Map.of()));
		assertThat(AotStart.difference(environment)).isEmpty();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("Config resource 'file [application.properties]' via location 'optional:file:./'",
					Map.of("logging.level.root", "INFO")));
		assertThat(AotStart.difference(environment))
			.contains("configuration source Config resource 'file [application.properties]' via location 'optional:file:./'");
	}

	@Test
	void aClassDirectoryNeverStartsPrepared() {
		// the tests run from target/classes, which an earlier package may have given a prepared context
		String before = System.getProperty(AotDetector.AOT_ENABLED);
		try {
			AotStart.request(Map.of(), "run");
			assertThat(System.getProperty(AotDetector.AOT_ENABLED)).isEqualTo(before);
		}
		finally {
			if (before == null) {
				System.clearProperty(AotDetector.AOT_ENABLED);
			}
		}
	}

	/**
	 * What {@link AotStart} finds in the environment Spring Boot prepares for {@code command}, the
	 * process having {@code variables} and {@code properties} only.
	 */
	private static Optional<String> differenceAtStart(Map<String, Object> variables, Map<String, Object> properties,
			String command) {
		// what every process has, and the log file's directory (the tests' home)
		Map<String, Object> allVariables = new HashMap<>(variables);
		allVariables.putIfAbsent("CDS_HOME", System.getenv().getOrDefault("CDS_HOME", "target/cds-home"));
		Map<String, Object> allProperties = new HashMap<>(properties);
		allProperties.put("user.home", System.getProperty("user.home"));
		allProperties.put("java.io.tmpdir", System.getProperty("java.io.tmpdir"));
		StandardServletEnvironment environment = new StandardServletEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							allVariables));
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
					new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
							allProperties));
		SpringApplication application = Application.application(command);
		application.setEnvironment(environment);
		Optional<String>[] found = new Optional[1];
		application.addListeners(event -> {
			if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
				found[0] = AotStart.difference(prepared.getEnvironment());
				throw new Stop();
			}
		});
		try {
			application.run(command);
		}
		catch (Stop expected) {
			// the environment is all the test needs
		}
		assertThat(found[0]).as("environment prepared").isNotNull();
		return found[0];
	}

	private static final class Stop extends RuntimeException {

		Stop() {
			super(null, null, false, false);
		}

	}

}
