package fr.cds.remuneration.cli;

import fr.cds.remuneration.run.ExitCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules command on the shipped rule sets, as an operator runs it. */
class RulesCommandTest {

	/** An entry row: indentation, the provisional mark (or nothing), then the status column. */
	private static final Pattern ENTRY = Pattern.compile("^  (\\*|\\s)\\s+(confirmed|analog|placeholder)\\s");

	@TempDir
	Path temp;

	@Test
	void the2023RulesShowSasEffectionAbsentAndMarkEveryValueThatIsNotConfirmed() {
		Result show = run("show", "--exercice", "2023");

		assertThat(show.code()).isZero();
		assertThat(show.out()).contains("Dernier texte applicable : Avenant 5 [avenant-5] (signé le 30/11/2023,"
				+ " approuvé le 06/02/2024, publié le 15/03/2024)");
		// SAS effection, deleted from 2023 by avenant 5, has no rule in 2023 and is named as absent
		assertThat(show.out()).doesNotContain("\nSAS_EFFECTION —");
		assertThat(show.out()).containsPattern("absents de l'exercice 2023 .*SAS_EFFECTION \\(2022\\)");
		// the crisis plan is socle from 2023, the 5th placement only from 2024
		assertThat(show.out()).containsPattern("FED-AV5-2023 +avenant-4 +2023–2025 +socle : oui");
		assertThat(show.out()).containsPattern("2016–2023 +fixe « par stage » : 225 pts par élément déclaré, 4 au plus");
		// every value row is marked * exactly when its status is not confirmed
		List<Matcher> rows = entryRows(show.out());
		assertThat(rows).hasSizeGreaterThan(70);
		assertThat(rows).allSatisfy(row -> assertThat(row.group(1).equals("*"))
			.as(row.group()).isEqualTo(!row.group(2).equals("confirmed")));
		long marked = rows.stream().filter(row -> row.group(1).equals("*")).count();
		long values = rows.size();
		assertThat(show.out()).contains("valeurs non confirmées (*) : " + marked + " sur " + values);
	}

	@Test
	void theDiffOf2022And2023IsAvenant5() {
		Result diff = run("diff", "--exercice", "2022", "--against-exercice", "2023");

		assertThat(diff.out()).contains("Dernier texte applicable : avenant-4 → avenant-5");
		assertThat(diff.out()).contains("SAS_EFFECTION — Effection des demandes régulées par le SAS\n"
				+ "  - absent de accord-2015@2026.2 exercice 2023\n");
		assertThat(diff.out()).contains("CRISE_PLAN — Plan de préparation aux crises sanitaires graves\n"
				+ "  ~ socle : non [confirmed, FED-AV5-2023, avenant-4] → oui [confirmed, FED-AV5-2023, avenant-4]\n");
		assertThat(diff.out()).contains("  + avenant-5 : Avenant 5, premier exercice 2023");
		// texts, CRISE_PLAN, SAS_EFFECTION: nothing else changes from 2022 to 2023
		assertThat(diff.out()).contains("3 élément(s) différent(s).");
	}

	@Test
	void theDiffOfTwoVersionsShowsTheValuesAnOperatorChanged() throws IOException {
		String shipped = builtIn("accord-2015.yaml");
		String edited = shipped.replace("version: \"2026.2\"", "version: \"2026.3\"")
			.replace("- {from: 2016, value: 7, status: analog, source: ACI-POINT, text: accord-2015}",
					"- {from: 2016, value: 7.5, status: confirmed, source: ACI-POINT, text: accord-2015}");
		assertThat(edited).isNotEqualTo(shipped).contains("2026.3").contains("value: 7.5");
		Files.writeString(this.temp.resolve("accord-2015.yaml"), edited);

		Result diff = run("diff", "--exercice", "2023", "--against-rules", this.temp.toString(),
				"--against-rule-set", "accord-2015@2026.3");

		assertThat(diff.out()).contains("Différences de accord-2015@2026.2 exercice 2023 à accord-2015@2026.3 exercice 2023");
		assertThat(diff.out()).contains("Paramètres\n  ~ valeur du point : 7 € [analog, ACI-POINT, accord-2015]"
				+ " → 7,5 € [confirmed, ACI-POINT, accord-2015]\n");
		assertThat(diff.out()).contains("1 élément(s) différent(s).");
	}

	/**
	 * The number of values listed as not confirmed is the number of {@code status: analog} and
	 * {@code status: placeholder} in the file, counted here in its text, without the parser.
	 */
	@Test
	void provisionalListsEveryValueThatIsNotConfirmed() throws IOException {
		Result provisional = run("provisional", "--rule-set", "accord-2015@2026.2");

		long inFile = Pattern.compile("status: (analog|placeholder)").matcher(builtIn("accord-2015.yaml")).results().count();
		List<Matcher> rows = entryRows(provisional.out());
		assertThat(rows).hasSize((int) inFile);
		assertThat(rows).allSatisfy(row -> assertThat(row.group(1)).isEqualTo("*"));
		assertThat(provisional.out()).contains(inFile + " valeur(s) non confirmée(s)");
		assertThat(provisional.out()).doesNotContain("accord-2025");
	}

	@Test
	void provisionalForAnExerciceListsOnlyItsValues() {
		Result provisional = run("provisional", "--exercice", "2026");

		assertThat(provisional.out()).contains("accord-2025@2026.2").doesNotContain("accord-2015@");
		assertThat(provisional.out()).contains("AIDE_DEMOGRAPHIQUE").doesNotContain("PREVENTION_N1");
	}

	@Test
	void textsListsTheDatesOfEveryText() {
		Result texts = run("texts");

		assertThat(texts.out()).containsPattern(
				"avenant-4 +2022 +placeholder +AMELI-AV4 +Avenant 4 \\(signé le 14/04/2022, approuvé le 21/06/2022, publié le 05/10/2022\\)");
		assertThat(texts.out()).containsPattern("avenant-1 +2017 +confirmed .*approuvé \\(date inconnue\\)");
		assertThat(texts.out()).contains("accord-2025@2026.2");
	}

	@Test
	void aRefusedRuleSetIsReportedWithExitCode4() {
		Result refused = run("show", "--exercice", "2021", "--rules", "src/test/resources/rules/invalid");

		assertThat(refused.code()).isEqualTo(ExitCode.RULES_REFUSED.code());
		assertThat(refused.err()).contains("missing-exercice.yaml:35: [HORAIRES.fixed] exercice manquant");
	}

	private record Result(int code, String out, String err) {
	}

	private static Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = new CommandLine(new RulesCommand()).setOut(new PrintWriter(out))
			.setErr(new PrintWriter(err))
			.execute(args);
		return new Result(code, out.toString(), err.toString());
	}

	private static List<Matcher> entryRows(String output) {
		return output.lines().map(ENTRY::matcher).filter(Matcher::find).toList();
	}

	private static String builtIn(String file) throws IOException {
		try (InputStream in = RulesCommandTest.class.getResourceAsStream("/rulesets/" + file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
