package fr.cds.remuneration.run;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import fr.cds.remuneration.Application;

import static org.assertj.core.api.Assertions.assertThat;

/** A production start without its database settings is told which ones, in one line. */
class DatabaseSettingsTest {

	@Test
	void eachMissingSettingIsNamedOnlyUnderThePostgresProfile() {
		Map<String, String> env = new HashMap<>(Map.of("SPRING_PROFILES_ACTIVE", "remote-partitioning, postgres",
				"CDS_DB_URL", "jdbc:postgresql://db/cds"));
		assertThat(DatabaseSettings.missing(env::get)).hasValueSatisfying(
				message -> assertThat(message).contains("CDS_DB_USER, CDS_DB_PASSWORD").doesNotContain("CDS_DB_URL"));
		env.put("CDS_DB_USER", " ");
		env.put("CDS_DB_PASSWORD", "");
		assertThat(DatabaseSettings.missing(env::get)).as("a blank user is missing; an empty password is allowed")
			.hasValueSatisfying(message -> assertThat(message).contains("CDS_DB_USER").doesNotContain("PASSWORD"));
		env.put("CDS_DB_USER", "cds");
		assertThat(DatabaseSettings.missing(env::get)).isEmpty();
		assertThat(DatabaseSettings.missing(Map.of("SPRING_PROFILES_ACTIVE", "postgresql-like")::get))
			.as("only the postgres profile needs them").isEmpty();
		assertThat(DatabaseSettings.missing(Map.<String, String>of()::get)).as("the embedded default").isEmpty();
	}

	@Test
	void theProcessPrintsOneLineAndExitsWithTheUsageCode() throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				Application.class.getName(), "runs");
		builder.environment().keySet().removeIf(name -> name.startsWith("CDS_DB_"));
		builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
		builder.environment().put("CDS_DB_URL", "jdbc:postgresql://127.0.0.1:1/none");
		builder.redirectErrorStream(true);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).isEqualTo(2);
		assertThat(output.strip().lines().toList()).as(output)
			.isEqualTo(List.of("Profil postgres : variable(s) d'environnement manquante(s) CDS_DB_USER, CDS_DB_PASSWORD"
					+ " (voir docs/operations.md, PostgreSQL en production)"));
	}

}
