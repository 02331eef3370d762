package fr.cds.remuneration.annual;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: corrupting any single row of any input file never changes another centre's amount and
 * never pays silently. The corrupted row's centre is paid exactly as before, or held (no payment,
 * listed in centres-en-attente.csv), or the whole run is refused (exit code 3, no payment file).
 *
 * <p>Over the small input (4 centres, every file), each corruption is one cell of one row made empty,
 * {@code abc}, {@code -1}, {@code 999999} or {@code 4 300}, or one row given a field less or more.
 * Every such corruption is listed, shuffled with a fixed seed and taken in turn across the four
 * files; {@value #DEFAULT_RUNS} of them run by default, one annual run each, in process
 * ({@code -Dcds.property.corruptions=N} runs more). The reject-rate limits are raised so that a single
 * rejected row of these small files holds its centre rather than refusing the run: what is tested
 * is the hold, not the limits. The expected amounts are those of the uncorrupted run, per centre and
 * payment stream, read from the ledger.
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:single-row-corruption",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2",
		"cds.input.max-contract-reject-rate=0.5" })
class SingleRowCorruptionPropertyTest {

	static final int DEFAULT_RUNS = 16;

	static final Path SMALL_INPUT = Path.of("src/test/resources/annual/small");

	static final List<String> CELL_VALUES = List.of("", "abc", "-1", "999999", "4 300");

	@Autowired
	AnnualRunLauncher launcher;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path work;

	/** One corrupted row: the file, its line (1 = header), what was done, the centre it belonged to. */
	record Corruption(InputFile file, int line, String what, String centre, String newLine) {
	}

	@Test
	void aSingleCorruptedRowNeverChangesAnotherCentreAndNeverPaysSilently() throws IOException {
		int runs = Integer.getInteger("cds.property.corruptions", DEFAULT_RUNS);
		Run baseline = run("baseline", Optional.empty());
		assertThat(baseline.outcome().exitCode()).as(baseline.outcome().message()).isEqualTo(ExitCode.OK);
		assertThat(baseline.paid()).as("the uncorrupted run pays its centres").isNotEmpty();

		List<Corruption> corruptions = interleavedByFile(allCorruptions(), new Random(20261201L));
		int count = 0;
		for (Corruption corruption : corruptions.subList(0, Math.min(runs, corruptions.size()))) {
			Run run = run("run-" + count++, Optional.of(corruption));
			String what = corruption.file().fileName() + " line " + corruption.line() + ": " + corruption.what()
					+ " → " + run.outcome().exitCode() + " " + run.outcome().message();
			ExitCode exit = run.outcome().exitCode();
			assertThat(exit).as(what)
				.isIn(ExitCode.OK, ExitCode.COMPLETED_WITH_HELD_CENTRES, ExitCode.INPUT_REFUSED);
			if (exit == ExitCode.INPUT_REFUSED) {
				assertThat(run.output().resolve("payments.csv")).as(what).doesNotExist();
				continue;
			}
			assertThat(run.held()).as(what + ": only the corrupted row's centre may be held")
				.isSubsetOf(Set.of(corruption.centre()));
			assertThat(exit == ExitCode.COMPLETED_WITH_HELD_CENTRES).as(what).isEqualTo(!run.held().isEmpty());
			Set<String> centres = new TreeSet<>(baseline.paid().keySet());
			centres.addAll(run.paid().keySet());
			for (String centre : centres) {
				Map<String, BigDecimal> expected = baseline.paid().getOrDefault(centre, Map.of());
				Map<String, BigDecimal> actual = run.paid().getOrDefault(centre, Map.of());
				if (run.held().contains(centre)) {
					assertThat(actual).as(what + ": a held centre is not paid: " + centre).isEmpty();
				}
				else {
					assertThat(actual).as(what + ": amounts of " + centre).isEqualTo(expected);
				}
			}
		}
		assertThat(count).isEqualTo(Math.min(runs, corruptions.size()));
	}

	/** An annual run of the small input, corrupted or not, on an empty repository. */
	private Run run(String name, Optional<Corruption> corruption) throws IOException {
		RunTables.empty(this.jdbc);
		Path input = Files.createDirectories(this.work.resolve(name + "-input"));
		for (InputFile file : InputFile.values()) {
			List<String> lines = new ArrayList<>(Files.readAllLines(SMALL_INPUT.resolve(file.fileName())));
			if (corruption.isPresent() && corruption.get().file() == file) {
				lines.set(corruption.get().line() - 1, corruption.get().newLine());
			}
			Files.write(input.resolve(file.fileName()), lines);
		}
		Path output = this.work.resolve(name + "-output");
		JobOutcome outcome = this.launcher.launch(new AnnualRunLauncher.Request(2024, input, output,
				RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14)));
		Map<String, Map<String, BigDecimal>> paid = new TreeMap<>();
		this.jdbc.query("SELECT FINESS, STREAM, SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER GROUP BY FINESS, STREAM",
				rs -> {
					paid.computeIfAbsent(rs.getString(1), f -> new TreeMap<>())
						.put(rs.getString(2), rs.getBigDecimal(3).stripTrailingZeros());
				});
		Path heldList = output.resolve("2024/centres-en-attente.csv");
		Set<String> held = new TreeSet<>();
		if (Files.exists(heldList)) {
			CsvFiles.rows(heldList).stream().skip(1).forEach(row -> held.add(row.get(0)));
		}
		return new Run(outcome, output.resolve("2024"), paid, held);
	}

	record Run(JobOutcome outcome, Path output, Map<String, Map<String, BigDecimal>> paid, Set<String> held) {
	}

	/** Every single-row corruption of every file of the small input. */
	private static List<Corruption> allCorruptions() throws IOException {
		List<Corruption> all = new ArrayList<>();
		for (InputFile file : InputFile.values()) {
			List<String> lines = Files.readAllLines(SMALL_INPUT.resolve(file.fileName()));
			List<String> columns = List.of(lines.get(0).split(";", -1));
			int finessColumn = columns.indexOf("finess");
			for (int line = 2; line <= lines.size(); line++) {
				String original = lines.get(line - 1);
				String[] cells = original.split(";", -1);
				String centre = cells[finessColumn];
				for (int column = 0; column < cells.length; column++) {
					for (String value : CELL_VALUES) {
						if (value.equals(cells[column])) {
							continue;
						}
						String[] changed = cells.clone();
						changed[column] = value;
						all.add(new Corruption(file, line, columns.get(column) + " = '" + value + "'", centre,
								String.join(";", changed)));
					}
				}
				all.add(new Corruption(file, line, "last field dropped", centre,
						original.substring(0, original.lastIndexOf(';'))));
				all.add(new Corruption(file, line, "one field more", centre, original + ";x"));
			}
		}
		return all;
	}

	/** The corruptions shuffled, then taken one file after the other so that every file comes early. */
	private static List<Corruption> interleavedByFile(List<Corruption> all, Random random) {
		Map<InputFile, List<Corruption>> byFile = new TreeMap<>();
		all.forEach(c -> byFile.computeIfAbsent(c.file(), f -> new ArrayList<>()).add(c));
		byFile.values().forEach(list -> Collections.shuffle(list, random));
		List<Corruption> interleaved = new ArrayList<>();
		for (int i = 0; interleaved.size() < all.size(); i++) {
			for (List<Corruption> list : byFile.values()) {
				if (i < list.size()) {
					interleaved.add(list.get(i));
				}
			}
		}
		return interleaved;
	}

}
