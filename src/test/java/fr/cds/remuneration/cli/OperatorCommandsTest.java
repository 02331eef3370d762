package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import fr.cds.remuneration.support.CommandLineRun;
import fr.cds.remuneration.support.CsvFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' commands on the small input, whose amounts are known by hand: the annual run,
 * then simulate (the calculette) gives each centre the amount of its statement, explain prints the
 * stored explanation, runs lists the execution.
 */
@SpringBootTest(properties = { "spring.datasource.url=jdbc:h2:mem:operator-commands;DB_CLOSE_DELAY=-1",
		"cds.input.max-declaration-reject-rate=0.2", "cds.input.max-patient-reject-rate=0.2" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorCommandsTest {

	static final String SMALL = "src/test/resources/annual/small";

	@Autowired
	CommandLineEntry cli;

	@TempDir
	static Path output;

	@BeforeAll
	void annualRun() {
		CommandLineRun run = CommandLineRun.of(this.cli, "run", "--exercice", "2024", "--input", SMALL, "--output",
				output.toString(), "--extraction-date", "2025-02-14");
		assertThat(run.exitCode()).as(run.err()).isZero();
	}

	@Test
	void simulateGivesEachCentreTheAmountOfItsStatement() {
		for (String finess : List.of("750000101", "690000104", "130000102", "330000100")) {
			CommandLineRun simulation = CommandLineRun.of(this.cli, "simulate", "--exercice", "2024", "--centres",
					SMALL + "/centres.csv", "--declarations", SMALL + "/declarations.csv", "--patients",
					SMALL + "/patients.csv", "--finess", finess, "--extraction-date", "2025-02-14");
			assertThat(simulation.exitCode()).as(simulation.err()).isZero();
			String statementTotal = frenchEuros(
					CsvFiles.statementTotal(output.resolve("2024/statements/" + finess + ".csv")));
			assertThat(totalLine(simulation.out())).as(finess).endsWith(statementTotal);
		}
	}

	@Test
	void simulateFromAPatientCountSummaryGivesTheHandComputedAmount() {
		CommandLineRun simulation = CommandLineRun.of(this.cli, "simulate", "--exercice", "2024", "--centres",
				SMALL + "/centres.csv", "--declarations", SMALL + "/declarations.csv", "--patient-counts",
				"src/test/resources/simulation/patient-counts.csv", "--finess", "750000101");
		assertThat(simulation.exitCode()).as(simulation.err()).isZero();
		// 5,600 + 7,021.71 + 9,100 + 700 + 3,150 (see AnnualPaymentJobFunctionalTest)
		assertThat(totalLine(simulation.out())).endsWith("25\u00A0571,71\u00A0€");
		assertThat(simulation.out()).contains("patientèle médecin traitant au 31/12 : 6 patients (dont C2S 2");
	}

	@Test
	void explainPrintsTheStoredExplanationOfACentre() {
		CommandLineRun explain = CommandLineRun.of(this.cli, "explain", "330000100", "2024");
		assertThat(explain.exitCode()).as(explain.err()).isZero();
		assertThat(totalLine(explain.out())).endsWith("7\u00A0217,20\u00A0€");
		assertThat(explain.out()).contains("92 jours sur 366 (du 01/10/2024 au 31/12/2024)")
			.contains("SUPPLEMENT_INFIRMIER")
			.contains("par ETP infirmier, accès aux soins : 20 pts × 4 ETP");
		assertThat(CommandLineRun.of(this.cli, "explain", "330000100", "2023").exitCode()).isEqualTo(1);
		assertThat(CommandLineRun.of(this.cli, "explain", "33000010", "2024").exitCode()).isEqualTo(2);
	}

	@Test
	void aStatementSaysWhatMeetingTheSocleWouldHaveEarned() {
		CommandLineRun explain = CommandLineRun.of(this.cli, "explain", "130000102", "2024");
		// ACCES_SOINS_INFIRMIERS 800 pts, COORDINATION 1,000 + 1,700 × 3/4,000 pts (3 patients in the
		// file active), SI_STANDARD 500 + 200 × 3 FTE, CRISE_PLAN 100; × 7 €, rounded per line:
		// 5,600 + 7,008.93 + 7,700 + 700 = 21,008.93 €
		assertThat(explain.out().replace('\u00A0', ' '))
			.contains("Avec le socle atteint (Accès aux soins programmés et non programmés (ACCES_SOINS_INFIRMIERS) manquant), la rémunération forfaitaire aurait été de 21 008,93 €.")
			.contains("commission de recours amiable");
	}

	@Test
	void runsListsTheExecutionWithItsStatusAndCounts() {
		CommandLineRun runs = CommandLineRun.of(this.cli, "runs");
		assertThat(runs.exitCode()).isZero();
		assertThat(runs.out()).contains("annualPaymentJob").contains("2024").contains("COMPLETED");
		// summed over the steps: read 4 centres + 19 declarations + 21 patient rows + 4 centres computed
		// + 4 results rendered = 52; written 4 + 19 (accepted and rejected rows are both written)
		// + 20 accepted patient rows + 4 + 4 = 51; filtered: the 1 rejected patient row
		// read: 4 centres, 20 declarations (1 rejected), 2 contracts, 21 patient rows, 4 centres computed, 4 statements
		assertThat(runs.out()).contains(" 54/53/1 ");
	}

	private static String totalLine(String text) {
		return text.lines().filter(l -> l.startsWith("TOTAL")).findFirst().orElseThrow().strip();
	}

	private static String frenchEuros(java.math.BigDecimal amount) {
		return fr.cds.remuneration.common.FrenchFormat.euros(amount);
	}

}
