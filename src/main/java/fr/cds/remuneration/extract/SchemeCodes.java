package fr.cds.remuneration.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The closed list of insurance scheme codes ({@code regime} of patients.csv), read from
 * {@code reference/regimes.csv}: a value outside it is a reject, never a free string carried to a
 * statement (a swapped column would otherwise put a patient identifier there).
 */
final class SchemeCodes {

	private static final String RESOURCE = "/reference/regimes.csv";

	private static final Set<String> CODES = load();

	private SchemeCodes() {
	}

	static boolean isKnown(String code) {
		return CODES.contains(code);
	}

	/** The codes, in the table's order, for the reject reason. */
	static String listed() {
		return String.join(", ", CODES);
	}

	private static Set<String> load() {
		try (InputStream in = SchemeCodes.class.getResourceAsStream(RESOURCE);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			Set<String> codes = new LinkedHashSet<>();
			reader.readLine();
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					codes.add(line.substring(0, line.indexOf(';')).strip());
				}
			}
			return java.util.Collections.unmodifiableSet(codes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("lecture impossible de " + RESOURCE, ex);
		}
	}

}
