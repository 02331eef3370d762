package fr.cds.remuneration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.support.CommandLineRun;
import fr.cds.remuneration.support.CsvFiles;
import fr.cds.remuneration.support.OperatorFrench;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command an operator uses after the run answers in French (issue 15 §8), a success and a
 * refusal each where that is cheap: explain, simulate, runs, ledger, import-payments,
 * correct-payment, the payer's desk (approve, reject, bank-status, bank-reissue), advances,
 * reprocess (its launcher and its scope step), rules (texts, show, diff, provisional, and a
 * directory of invalid rule sets: every validation problem), impact, generate, synthese, worker.
 * Whatever each prints, and the application's log lines meanwhile, pass the same check as the
 * run's refusals (OperatorFrench). And every command's --help reads in French.
 */
@ExtendWith(OutputCaptureExtension.class)
// the sample's one patient row of a centre absent from centres.csv stays below the limit: the run completes
@SpringBootTest(properties = { "cds.input.max-patient-reject-rate=0.2",
		"spring.datasource.url=jdbc:h2:mem:operator-commands-french;DB_CLOSE_DELAY=-1" })
class OperatorCommandsInFrenchTest extends OperatorConsoleFixture {

	@Test
	void everyCommandAnswersInFrench(CapturedOutput logs) throws IOException {
		List<String> finess = CsvFiles.rows(SMALL.resolve(InputFile.CENTRES.fileName()))
			.stream()
			.skip(1)
			.map(row -> row.get(0))
			.toList();
		String centre = finess.get(0);
		Path output = this.work.resolve("output");
		String out = output.toString();
		Map<String, Integer> codes = new LinkedHashMap<>();
		List<String> printed = new ArrayList<>();

		answer(codes, printed, "run", annualRun(SMALL, output, "--operator", "alice"));
		String runId = runId(output);
		answer(codes, printed, "runs", "runs", "--exercice", EXERCICE);
		answer(codes, printed, "explain", "explain", centre, EXERCICE);
		answer(codes, printed, "explain, not a FINESS", "explain", "75", EXERCICE);
		answer(codes, printed, "explain, no result", "explain", centre, "2023");
		String[] simulate = { "simulate", "--exercice", EXERCICE, "--centres", SMALL.resolve("centres.csv").toString(),
				"--declarations", SMALL.resolve("declarations.csv").toString(), "--patients",
				SMALL.resolve("patients.csv").toString() };
		answer(codes, printed, "simulate", concat(simulate, "--finess", centre));
		answer(codes, printed, "simulate, several centres", simulate);
		answer(codes, printed, "ledger", "ledger", "--exercice", EXERCICE);
		answer(codes, printed, "ledger, PAID without date", "ledger", "--exercice", EXERCICE, "--status", "PAID");
		Path payments = Files.writeString(this.work.resolve("versements.csv"),
				"finess;exercice;nature;montant_eur;date_paiement;reference\n" + centre
						+ ";2024;AVANCE;1000,00;2024-06-28;AV-FR-0001\n");
		answer(codes, printed, "import-payments", "import-payments", "--file", payments.toString(), "--output", out);
		Path badPayments = Files.writeString(this.work.resolve("versements-faux.csv"),
				"finess;exercice;nature;montant_eur;date_paiement;reference\n" + centre
						+ ";2024;AVANCE;1e3;2024-06-28;AV-FR-0002\n");
		answer(codes, printed, "import-payments, bad amount", "import-payments", "--file", badPayments.toString(),
				"--output", out);
		answer(codes, printed, "correct-payment, unknown reference", "correct-payment", "--reference", "AV-FR-9999",
				"--paid-on", "2024-06-28", "--reason", "erreur de date");
		answer(codes, printed, "correct-payment", "correct-payment", "--reference", "AV-FR-0001", "--paid-on",
				"2024-06-27", "--reason", "date du relevé bancaire");
		answer(codes, printed, "approve, same operator", "approve", "--exercice", EXERCICE, "--run", runId, "--operator",
				"alice");
		answer(codes, printed, "approve", "approve", "--exercice", EXERCICE, "--run", runId, "--operator", "bob");
		answer(codes, printed, "reject, unknown run", "reject", "--exercice", EXERCICE, "--run", "999999", "--operator",
				"bob", "--reason", "montants à revoir");
		answer(codes, printed, "bank-status, no file", "bank-status", "--file", this.work.resolve("nowhere.xml").toString());
		answer(codes, printed, "bank-reissue, no file", "bank-reissue", "--exercice", EXERCICE, "--run", runId,
				"--centres", this.work.resolve("nowhere.csv").toString());
		answer(codes, printed, "advances, exercice already balanced", "advances", "--exercice", EXERCICE, "--output", out);
		answer(codes, printed, "reprocess, malformed FINESS", "reprocess", "--exercice", EXERCICE, "--centre", "75");
		answer(codes, printed, "reprocess, corrected inputs of centres not named", "reprocess", "--exercice", EXERCICE,
				"--centre", centre, "--corrected-input", SMALL.toString(), "--extraction-date", EXTRACTION_DATE,
				"--output", out, "--operator", "alice");
		answer(codes, printed, "reprocess", "reprocess", "--exercice", EXERCICE, "--rules", raisedRules().toString(),
				"--rule-set", "accord-2015@2027.1", "--output", out, "--operator", "alice");
		answer(codes, printed, "rules texts", "rules", "texts");
		answer(codes, printed, "rules show", "rules", "show", "--exercice", EXERCICE);
		answer(codes, printed, "rules diff", "rules", "diff", "--exercice", "2022", "--against-exercice", "2023");
		answer(codes, printed, "rules provisional", "rules", "provisional", "--exercice", EXERCICE);
		answer(codes, printed, "rules show, invalid rule sets", "rules", "show", "--exercice", "2021", "--rules",
				"src/test/resources/rules/invalid");
		answer(codes, printed, "impact, exercice never run", "impact", "--exercice", "2023", "--amendment",
				raisedRules().resolve("accord-2015-raise.yaml").toString(), "--output", out);
		answer(codes, printed, "impact", "impact", "--exercice", EXERCICE, "--amendment",
				raisedRules().resolve("accord-2015-raise.yaml").toString(), "--output", out);
		answer(codes, printed, "generate", "generate", "--output", this.work.resolve("generated").toString(),
				"--centres", "3", "--patients", "300");
		answer(codes, printed, "synthese", "synthese", "--exercice", EXERCICE, "--output",
				this.work.resolve("synthese").toString());
		answer(codes, printed, "synthese, no run", "synthese", "--exercice", "2023");
		answer(codes, printed, "worker, no remote profile", "worker");

		OperatorFrench.assertFrench("the application's log lines", OperatorFrench.ourLines(logs.getAll()));
		// what each case is, so that the test cannot pass by printing nothing
		assertThat(codes).as(String.join("\n", printed)).containsExactly(
				Map.entry("run", 0), Map.entry("runs", 0), Map.entry("explain", 0),
				Map.entry("explain, not a FINESS", 2), Map.entry("explain, no result", 1),
				Map.entry("simulate", 0), Map.entry("simulate, several centres", 3),
				Map.entry("ledger", 0), Map.entry("ledger, PAID without date", 2),
				Map.entry("import-payments", 0), Map.entry("import-payments, bad amount", 3),
				Map.entry("correct-payment, unknown reference", 3), Map.entry("correct-payment", 0),
				Map.entry("approve, same operator", 9), Map.entry("approve", 0),
				Map.entry("reject, unknown run", 9), Map.entry("bank-status, no file", 2),
				Map.entry("bank-reissue, no file", 2), Map.entry("advances, exercice already balanced", 5),
				Map.entry("reprocess, malformed FINESS", 2),
				Map.entry("reprocess, corrected inputs of centres not named", 3), Map.entry("reprocess", 0),
				Map.entry("rules texts", 0), Map.entry("rules show", 0), Map.entry("rules diff", 0),
				Map.entry("rules provisional", 0), Map.entry("rules show, invalid rule sets", 4),
				Map.entry("impact, exercice never run", 3), Map.entry("impact", 0), Map.entry("generate", 0),
				Map.entry("synthese", 0), Map.entry("synthese, no run", 2), Map.entry("worker, no remote profile", 2));
	}

	/** Every command's --help, the root's and the subcommands' at every depth: the descriptions and picocli's words. */
	@Test
	void everyHelpReadsInFrench() {
		List<String> commands = new ArrayList<>();
		collect(this.cli.commandLine(), List.of(), commands);
		assertThat(commands).as("the commands walked").contains("", "run", "reprocess", "rules show", "bank-reissue");
		for (String command : commands) {
			String[] args = concat(command.isEmpty() ? new String[0] : command.split(" "), "--help");
			CommandLineRun help = cds(args);
			assertThat(help.exitCode()).as(command + " --help").isZero();
			assertThat(help.out()).as(command + " --help").contains("Utilisation :").contains("Affiche cette aide");
			assertPrintedInFrench(command + " --help", help);
		}
	}

	private static void collect(CommandLine command, List<String> path, List<String> into) {
		into.add(String.join(" ", path));
		command.getSubcommands().forEach((name, sub) -> {
			List<String> longer = new ArrayList<>(path);
			longer.add(name);
			collect(sub, longer, into);
		});
	}

	private void answer(Map<String, Integer> codes, List<String> printed, String what, String... args) {
		CommandLineRun run = cds(args);
		codes.put(what, run.exitCode());
		printed.add(what + " → " + run.exitCode() + "\n" + run.out() + run.err());
		assertPrintedInFrench(what, run);
	}

	/** The built-in rules with the médecin-traitant forfait of 2024 raised, as a new version: something to re-process. */
	private Path raisedRules() throws IOException {
		Path rules = this.work.resolve("rules-raise");
		if (!Files.isDirectory(rules)) {
			Files.createDirectories(rules);
			String current = new String(getClass().getResourceAsStream("/rulesets/accord-2015.yaml").readAllBytes(),
					StandardCharsets.UTF_8);
			Files.writeString(rules.resolve("accord-2015-raise.yaml"), current
				.replaceFirst("version: \"[0-9.]+\"", "version: \"2027.1\"")
				.replace("{from: 2024, euros: 46,", "{from: 2024, euros: 50,"));
		}
		return rules;
	}

	/** The run's id, as its payment references end: {@code …-R<run>}. */
	private static String runId(Path output) throws IOException {
		try (Stream<String> lines = Files.lines(output.resolve(EXERCICE).resolve("payments.csv"))) {
			String reference = lines.skip(1).findFirst().orElseThrow().split(";")[7];
			return reference.substring(reference.lastIndexOf("-R") + 2);
		}
	}

}
