package fr.cds.remuneration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looks for patient identifiers where none may be: every output file and the logs. The test
 * inputs' identifiers are {@code PX} followed by digits, wherever they stand in a row; they are
 * found in the raw bytes of the extract, independently of the program's reading of it.
 */
public final class PatientIdentifiers {

	private static final Pattern IDENTIFIER = Pattern.compile("PX[0-9]+");

	private PatientIdentifiers() {
	}

	/** Every identifier written in the extract, in any column. */
	public static Set<String> in(Path extract) {
		try {
			Set<String> identifiers = new TreeSet<>();
			Matcher matcher = IDENTIFIER.matcher(new String(Files.readAllBytes(extract), StandardCharsets.ISO_8859_1));
			while (matcher.find()) {
				identifiers.add(matcher.group());
			}
			return identifiers;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Fails if an identifier of {@code extract} appears in a file under {@code outputs} or in {@code logs}. */
	public static void assertNoneIn(Path extract, Path outputs, String logs) {
		Set<String> identifiers = in(extract);
		assertThat(foundIn(logs, identifiers)).as("patient identifiers in the logs").isEmpty();
		if (!Files.exists(outputs)) {
			return;
		}
		try (Stream<Path> files = Files.walk(outputs)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
				assertThat(foundIn(content, identifiers)).as("patient identifiers in " + file).isEmpty();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The identifiers found in {@code text}, as whole tokens ({@code PX1} is not found in {@code PX10}). */
	private static Set<String> foundIn(String text, Set<String> identifiers) {
		Set<String> found = new TreeSet<>();
		Matcher matcher = IDENTIFIER.matcher(text);
		while (matcher.find()) {
			if (identifiers.contains(matcher.group())) {
				found.add(matcher.group());
			}
		}
		return found;
	}

}
