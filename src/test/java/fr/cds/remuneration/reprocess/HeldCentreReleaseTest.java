package fr.cds.remuneration.reprocess;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.annual.RunContext;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.RunTables;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A centre held by the annual run (its act count {@code 1 200} was rejected) is not paid, stays held
 * through a re-processing of every centre, and is released by a dispute with its corrected data: it
 * is then paid once, every stream at the amount computed by hand, and never again.
 *
 * <p>The small input (see AnnualPaymentJobFunctionalTest), built-in rules: the médical centre
 * 750000101 is paid 25,571.71 € of forfait, 159.57 € of médecin-traitant forfait (141 € and a precarity
 * uplift of 141 × 0.79 / 6 = 18.565 → 18.57 €) and 31,512.60 € of
 * aids; its corrected 1,200 SAS acts pay 1,200 × 15 € = 18,000.00 € (under the cap of 20 acts per
 * doctor FTE and per week: 20 × 4 × 366 / 7 ≈ 4,183 acts).
 */
@SpringBootTest(properties = { "cds.cli.enabled=false", "spring.datasource.url=jdbc:h2:mem:held-centre-release",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
class HeldCentreReleaseTest {

	static final Path SMALL_INPUT = Path.of("src/test/resources/annual/small");

	static final String MEDICAL = "750000101";

	static final LocalDate EXTRACTION = LocalDate.of(2025, 2, 14);

	@Autowired
	AnnualRunLauncher annual;

	@Autowired
	ReprocessLauncher reprocess;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path work;

	@BeforeEach
	void emptyRepository() {
		RunTables.empty(this.jdbc);
	}

	@Test
	void aHeldCentreIsPaidOnceItsCorrectedDataAreReprocessedAndNeverTwice() throws IOException {
		Path input = copyOfSmallInput("input");
		replace(input.resolve("declarations.csv"), "750000101;2024;MAJORATION_SAS;120", "750000101;2024;MAJORATION_SAS;1 200");
		Path output = this.work.resolve("output");

		JobOutcome paid = this.annual.launch(new AnnualRunLauncher.Request(2024, input, output,
				RuleSetRepository.BUILT_IN, Optional.empty(), EXTRACTION));

		assertThat(paid.exitCode()).as(paid.message()).isEqualTo(ExitCode.COMPLETED_WITH_HELD_CENTRES);
		assertThat(paid.exitCode().code()).isEqualTo(8);
		assertThat(paid.message()).contains("1 centre(s) EN ATTENTE");
		Path out = output.resolve("2024");
		assertThat(CsvFiles.rows(out.resolve("centres-en-attente.csv")).subList(1, 2)).singleElement()
			.satisfies(row -> {
				assertThat(row.get(0)).isEqualTo(MEDICAL);
				assertThat(row.get(4)).contains("declarations.csv ligne 20", "« 1 200 »", "corrigez la ligne");
			});
		assertThat(Files.readString(out.resolve("statements/750000101-en-attente.txt")))
			.contains("centre EN ATTENTE", "« 1 200 »", "Ce n'est pas un montant nul");
		assertThat(out.resolve("statements/750000101.csv")).doesNotExist();
		assertThat(Files.readString(out.resolve("run-report.txt"))).contains("Centres en attente      : 1",
				"750000101 Centre de santé Paris test");
		assertThat(Files.readString(out.resolve("summary.html"))).contains("Centres en attente");
		// nothing for the held centre in the ledger nor in the payment file; the others are paid as usual
		assertThat(ledger("FORFAIT")).containsExactly(Map.entry("330000100", new BigDecimal("7217.20")),
				Map.entry("690000104", new BigDecimal("23114.88")));
		assertThat(CsvFiles.rows(out.resolve("payments.csv"))).noneMatch(row -> row.get(0).equals(MEDICAL));

		// a re-processing of every centre leaves it held; naming it without corrected data is refused
		JobOutcome everyCentre = this.reprocess.launch(request(List.of(), Optional.empty(), Optional.empty()));
		assertThat(everyCentre.exitCode()).as(everyCentre.message()).isEqualTo(ExitCode.OK);
		assertThat(ledgerOf(MEDICAL)).isEmpty();
		JobOutcome named = this.reprocess.launch(request(List.of(MEDICAL), Optional.empty(), Optional.empty()));
		assertThat(named.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(named.message()).contains("[750000101] en attente", "--corrected-input");

		// corrected data that are still incomplete keep it held: refused, nothing paid
		Path stillWrong = correctedInputs("still-wrong", "1 200");
		JobOutcome refused = this.reprocess.launch(request(List.of(MEDICAL), Optional.of(stillWrong),
				Optional.of(EXTRACTION)));
		assertThat(refused.exitCode()).isEqualTo(ExitCode.INPUT_REFUSED);
		assertThat(refused.message()).contains("entrées corrigées encore incomplètes pour [750000101]");
		assertThat(ledgerOf(MEDICAL)).isEmpty();

		// released with its corrected data: paid once, every stream
		Path corrected = correctedInputs("corrected", "1200");
		JobOutcome released = this.reprocess.launch(request(List.of(MEDICAL), Optional.of(corrected),
				Optional.of(EXTRACTION)));
		assertThat(released.exitCode()).as(released.message()).isEqualTo(ExitCode.OK);
		Map<String, BigDecimal> expected = Map.of("FORFAIT", new BigDecimal("25571.71"), "MEDECIN_TRAITANT",
				new BigDecimal("159.57"), "SUPPLEMENTS_ACTES", new BigDecimal("18000.00"), "AIDES_CONTRAT",
				new BigDecimal("31512.60"));
		assertThat(ledgerOf(MEDICAL)).isEqualTo(new TreeMap<>(expected));
		Path regularisation = Path.of(released.execution().getExecutionContext().getString(RunContext.OUTPUT_DIRECTORY));
		List<List<String>> lines = CsvFiles.rows(regularisation.resolve("payments.csv"));
		assertThat(lines.subList(1, lines.size())).hasSize(4)
			.allSatisfy(row -> assertThat(row.get(0)).isEqualTo(MEDICAL))
			.allSatisfy(row -> assertThat(new BigDecimal(row.get(4))).isEqualByComparingTo(expected.get(row.get(2))));

		// the same dispute again is refused; a later re-processing of every centre pays nothing more
		JobOutcome again = this.reprocess.launch(request(List.of(MEDICAL), Optional.of(corrected),
				Optional.of(EXTRACTION)));
		assertThat(again.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED);
		JobOutcome later = this.reprocess.launch(request(List.of(), Optional.empty(), Optional.empty()));
		assertThat(later.exitCode()).as(later.message()).isIn(ExitCode.OK, ExitCode.ALREADY_COMPLETED);
		assertThat(ledgerOf(MEDICAL)).isEqualTo(new TreeMap<>(expected));
	}

	/** The médical centre's complete data, its SAS act count written {@code acts}. */
	private Path correctedInputs(String name, String acts) throws IOException {
		Path dir = Files.createDirectories(this.work.resolve(name));
		for (InputFile file : InputFile.values()) {
			List<String> lines = Files.readAllLines(SMALL_INPUT.resolve(file.fileName()));
			List<String> kept = new java.util.ArrayList<>();
			kept.add(lines.get(0));
			int finessColumn = List.of(lines.get(0).split(";")).indexOf("finess");
			lines.stream()
				.skip(1)
				.filter(line -> line.split(";")[finessColumn].equals(MEDICAL))
				.map(line -> line.replace("MAJORATION_SAS;120", "MAJORATION_SAS;" + acts))
				.forEach(kept::add);
			Files.write(dir.resolve(file.fileName()), kept);
		}
		return dir;
	}

	private ReprocessLauncher.Request request(List<String> centres, Optional<Path> corrected,
			Optional<LocalDate> extractionDate) {
		return new ReprocessLauncher.Request(2024, Optional.empty(), RuleSetRepository.BUILT_IN, centres, corrected,
				extractionDate, this.work.resolve("output"), Optional.empty());
	}

	private Path copyOfSmallInput(String name) throws IOException {
		Path dir = Files.createDirectories(this.work.resolve(name));
		for (InputFile file : InputFile.values()) {
			Files.copy(SMALL_INPUT.resolve(file.fileName()), dir.resolve(file.fileName()));
		}
		return dir;
	}

	private static void replace(Path file, String from, String to) throws IOException {
		String content = Files.readString(file);
		assertThat(content).contains(from);
		Files.writeString(file, content.replace(from, to));
	}

	/** Net amount of a stream per centre in the ledger, in FINESS order. */
	private Map<String, BigDecimal> ledger(String stream) {
		Map<String, BigDecimal> net = new TreeMap<>();
		this.jdbc.query("SELECT FINESS, SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER WHERE EXERCICE = 2024 AND STREAM = ?"
				+ " GROUP BY FINESS", rs -> {
					net.put(rs.getString(1), rs.getBigDecimal(2));
				}, stream);
		return net;
	}

	/** Net amount of each stream in the ledger for one centre. */
	private Map<String, BigDecimal> ledgerOf(String finess) {
		Map<String, BigDecimal> net = new TreeMap<>();
		this.jdbc.query("SELECT STREAM, SUM(AMOUNT_EUR) FROM PAYMENT_LEDGER WHERE EXERCICE = 2024 AND FINESS = ?"
				+ " GROUP BY STREAM", rs -> {
					net.put(rs.getString(1), rs.getBigDecimal(2));
				}, finess);
		return net;
	}

}
