package fr.cds.remuneration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches an operator or a centre must be French: the messages the commands print, the log
 * lines of the application's own classes at INFO and above, the causes printed under a failure,
 * the reasons of rejects and held centres. A heuristic, but one that English sentences do not pass:
 * once quoted values, paths, options, properties and identifiers are set aside, no common English
 * word may remain (the words are lowercase, so that status names such as FAILED or UNKNOWN, which
 * the messages quote, are not taken for English).
 */
public final class OperatorFrench {

	private static final Pattern ENGLISH = Pattern.compile("\\b(the|The|was|were|not|cannot|Cannot|failed|is|are|has"
			+ "|have|with|must|already|found|should|nothing|which|been|does|refused|recovered|completed|unknown"
			+ "|missing|expected|because|after|before|when|into|there|rows?|file|files|header|column|above|invalid"
			+ "|Invalid|Missing|Unknown|No|no|of|for|and)\\b");

	/** A console line: time, level, logger (its simple name: {@code %logger{0}}), message. */
	private static final Pattern LOG_LINE = Pattern
		.compile("^\\d{2}:\\d{2}:\\d{2}\\.\\d{3} +(INFO|WARN|ERROR) +(\\S+) +- (.*)$");

	private static final Set<String> OUR_CLASSES = ourClasses();

	private OperatorFrench() {
	}

	/** Fails naming every line of {@code text} that reads as English. */
	public static void assertFrench(String what, String text) {
		List<String> english = new ArrayList<>();
		for (String line : text.split("\\R")) {
			englishWord(line).ifPresent(word -> english.add("«" + word + "» in: " + line));
		}
		assertThat(english).as("English in %s", what).isEmpty();
	}

	/**
	 * The lines of captured console output an operator reads from the application: log lines of its
	 * own classes (at INFO and above: the console shows no other level) and the cause lines under
	 * any logged failure.
	 */
	public static String ourLines(String captured) {
		StringBuilder ours = new StringBuilder();
		for (String line : captured.split("\\R")) {
			Matcher log = LOG_LINE.matcher(line);
			if (log.matches() && OUR_CLASSES.contains(log.group(2))) {
				ours.append(log.group(3)).append('\n');
			}
			else if (line.startsWith("    cause : ")) {
				ours.append(line.substring("    cause : ".length())).append('\n');
			}
		}
		return ours.toString();
	}

	/**
	 * What a command printed, as the operator reads it: its own lines, and the log lines of the
	 * application's classes (a framework's log lines, e.g. Spring Batch's, are not the application's words).
	 */
	public static String printed(String output) {
		StringBuilder lines = new StringBuilder();
		for (String line : output.split("\\R")) {
			Matcher log = LOG_LINE.matcher(line);
			if (!log.matches()) {
				lines.append(line).append('\n');
			}
			else if (OUR_CLASSES.contains(log.group(2))) {
				lines.append(log.group(3)).append('\n');
			}
		}
		return lines.toString();
	}

	/** The first English word of {@code line}, once quoted values, paths and names are set aside. */
	static java.util.Optional<String> englishWord(String line) {
		String prose = line.replaceAll("'[^']*'", " ").replaceAll("\"[^\"]*\"", " ").replaceAll("«[^»]*»", " ");
		prose = Stream.of(prose.split("\\s+"))
			.filter(token -> !token.matches(".*[/\\\\=_<>@:.\\-\\[\\]{}|].*[\\p{L}\\d].*"))
			.collect(Collectors.joining(" "));
		Matcher matcher = ENGLISH.matcher(prose);
		return matcher.find() ? java.util.Optional.of(matcher.group()) : java.util.Optional.empty();
	}

	private static Set<String> ourClasses() {
		Path classes = Path.of("target/classes/fr/cds/remuneration");
		try (Stream<Path> files = Files.walk(classes)) {
			return files.map(p -> p.getFileName().toString())
				.filter(name -> name.endsWith(".class"))
				.map(name -> name.substring(0, name.length() - ".class".length()))
				.map(name -> name.contains("$") ? name.substring(0, name.indexOf('$')) : name)
				.collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
