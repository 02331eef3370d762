package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputFileException;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.output.StatementTextRenderer;
import fr.cds.remuneration.output.StatementView;
import fr.cds.remuneration.rules.load.RuleSetException;
import fr.cds.remuneration.simulation.CentreSimulation;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code simulate}: the calculette on the command line, one centre, nothing stored. */
@Component
@Command(name = "simulate", mixinStandardHelpOptions = true,
		description = { "Compute one centre and print its explained result (the calculette).",
				"Same computation as the annual run, without touching the database or the ledger.",
				"Inputs: its rows of centres.csv and declarations.csv (same formats as the run),",
				"either a patient-count summary or the patient extract, and optionally contracts.csv." })
public class SimulateCommand implements Callable<Integer> {

	private final CentreSimulation simulation;

	private final StatementHtmlRenderer html;

	@Option(names = "--exercice", required = true, description = "Year of activity N.")
	int exercice;

	@Option(names = "--centres", required = true, description = "A centres.csv file holding the centre.")
	Path centres;

	@Option(names = "--declarations", required = true, description = "A declarations.csv file with its answers.")
	Path declarations;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Patients patients;

	static class Patients {

		@Option(names = "--patient-counts", required = true,
				description = "Summary: finess;population;patients;c2s;ame;ald;handicap, one row per patient list"
						+ " (medecin_traitant, file_active, file_active_equipe).")
		Path counts;

		@Option(names = "--patients", required = true, description = "The patient extract (patients.csv).")
		Path extract;

	}

	@Option(names = "--contracts", description = "A contracts.csv file with its contracts (for the contract aids).")
	Path contracts;

	@Option(names = "--finess", description = "The centre to compute, when the centres file holds several.")
	String finess;

	@Option(names = "--extraction-date", description = "Date of the patient data, printed with the counts.")
	LocalDate extractionDate;

	@Mixin
	RuleSetOptions ruleSets;

	@Option(names = "--html", description = "Also write the statement as an HTML page to this file.")
	Path htmlFile;

	public SimulateCommand(CentreSimulation simulation, StatementHtmlRenderer html) {
		this.simulation = simulation;
		this.html = html;
	}

	@Override
	public Integer call() {
		try {
			CentreSimulation.Simulation result = this.simulation.simulate(new CentreSimulation.Request(this.exercice,
					this.centres, this.declarations, Optional.ofNullable(this.patients.counts),
					Optional.ofNullable(this.patients.extract), Optional.ofNullable(this.finess), this.ruleSets.rules,
					this.ruleSets.ruleSet(), this.extractionDate, Optional.ofNullable(this.contracts)));
			StatementView view = StatementView.of(result.result());
			System.out.print(StatementTextRenderer.render(view));
			result.rejects()
				.forEach(r -> System.err.println("rejected: " + r.file() + ":" + r.line() + " " + r.field() + " — "
						+ r.reason()));
			if (this.htmlFile != null) {
				this.html.write(this.htmlFile, view);
			}
			return ExitCode.OK.code();
		}
		catch (RuleSetException ex) {
			System.err.println(ex.getMessage());
			return ExitCode.RULES_REFUSED.code();
		}
		catch (InputFileException ex) {
			System.err.println(ex.getMessage());
			return ExitCode.INPUT_REFUSED.code();
		}
	}

}
