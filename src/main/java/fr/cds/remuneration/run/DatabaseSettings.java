package fr.cds.remuneration.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The production database settings, checked before the application starts: with the
 * {@code postgres} profile, a missing {@code CDS_DB_URL}, {@code CDS_DB_USER} or
 * {@code CDS_DB_PASSWORD} is named in one French line, instead of a start-up failure of a hundred
 * lines or a login as the literal user {@code ${CDS_DB_USER}}.
 */
public final class DatabaseSettings {

	static final List<String> REQUIRED = List.of("CDS_DB_URL", "CDS_DB_USER", "CDS_DB_PASSWORD");

	private DatabaseSettings() {
	}

	/**
	 * The operator's message when the profile needs settings that are missing.
	 * @param lookup a setting's value from the environment or the system properties, null when unset
	 */
	public static Optional<String> missing(UnaryOperator<String> lookup) {
		String profiles = Optional.ofNullable(lookup.apply("SPRING_PROFILES_ACTIVE"))
			.orElseGet(() -> Optional.ofNullable(lookup.apply("spring.profiles.active")).orElse(""));
		if (Arrays.stream(profiles.split(",")).map(String::trim).noneMatch("postgres"::equals)) {
			return Optional.empty();
		}
		List<String> missing = new ArrayList<>();
		for (String name : REQUIRED) {
			String value = lookup.apply(name);
			boolean blankAllowed = name.equals("CDS_DB_PASSWORD");
			if (value == null || (!blankAllowed && value.isBlank())) {
				missing.add(name);
			}
		}
		if (missing.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("Profil postgres : variable(s) d'environnement manquante(s) " + String.join(", ", missing)
				+ " (voir docs/operations.md, PostgreSQL en production)");
	}

	/** A setting as Spring reads it here: the environment first, then the system properties. */
	public static String fromProcess(String name) {
		String value = System.getenv(name);
		return value != null ? value : System.getProperty(name);
	}

}
