package fr.cds.remuneration.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the outputs of two runs of the same inputs: the same files, byte for byte, except the
 * lines that say when and in how many executions a run was made (the run report's start,
 * duration and execution number, and the run report's checksum in the manifest).
 */
public final class OutputTrees {

	private static final Predicate<String> VOLATILE = line -> line.startsWith("Début") || line.startsWith("Durée")
			|| line.startsWith("Run ") || line.endsWith("  run-report.txt");

	private OutputTrees() {
	}

	public static void assertSame(Path expected, Path actual) {
		compare(expected, actual, true);
	}

	/** The same, run reports not compared at all (their layout is the job's own). */
	public static void assertSameButRunReports(Path expected, Path actual) {
		compare(expected, actual, false);
	}

	private static void compare(Path expected, Path actual, boolean runReports) {
		Map<String, byte[]> wanted = contents(expected);
		Map<String, byte[]> found = contents(actual);
		assertThat(found.keySet()).as("the same files, and no other").containsExactlyElementsOf(wanted.keySet());
		for (String file : wanted.keySet()) {
			boolean runReport = file.endsWith("run-report.txt");
			if (runReport && !runReports) {
				continue;
			}
			if (runReport || file.endsWith("manifest.sha256")) {
				assertThat(stableLines(found.get(file))).as(file).isEqualTo(stableLines(wanted.get(file)));
			}
			else {
				assertThat(found.get(file)).as("%s differs", file).isEqualTo(wanted.get(file));
			}
		}
	}

	/** Every file under {@code directory} by relative path, with its bytes. */
	public static Map<String, byte[]> contents(Path directory) {
		Map<String, byte[]> contents = new TreeMap<>();
		try (Stream<Path> files = Files.walk(directory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				contents.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return contents;
	}

	private static List<String> stableLines(byte[] content) {
		List<String> lines = new ArrayList<>();
		for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
			if (!VOLATILE.test(line)) {
				lines.add(line);
			}
		}
		return lines;
	}

}
