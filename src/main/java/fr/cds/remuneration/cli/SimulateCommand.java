package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
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
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "simulate", mixinStandardHelpOptions = true,
		description = { "Calcule un centre et affiche son résultat expliqué (la calculette).",
				"Même calcul que le run annuel, sans toucher à la base de données ni au registre des paiements.",
				"Entrées : ses lignes de centres.csv et de declarations.csv (mêmes formats que le run),",
				"soit un résumé des nombres de patients, soit l'extraction patients, et au besoin contracts.csv." })
public class SimulateCommand implements Callable<Integer> {

	private final CentreSimulation simulation;

	private final StatementHtmlRenderer html;

	@Option(names = "--exercice", required = true, description = "Année d'activité N.")
	int exercice;

	@Option(names = "--centres", required = true, description = "Un fichier centres.csv qui contient le centre.")
	Path centres;

	@Option(names = "--declarations", required = true, description = "Un fichier declarations.csv avec ses réponses.")
	Path declarations;

	@ArgGroup(exclusive = true, multiplicity = "1")
	Patients patients;

	static class Patients {

		@Option(names = "--patient-counts", required = true,
				description = "Résumé : finess;population;patients;c2s;ame;ald;handicap, une ligne par liste de patients"
						+ " (medecin_traitant, file_active, file_active_equipe).")
		Path counts;

		@Option(names = "--patients", required = true, description = "L'extraction patients (patients.csv).")
		Path extract;

	}

	@Option(names = "--contracts", description = "Un fichier contracts.csv avec ses contrats (pour les aides aux contrats).")
	Path contracts;

	@Option(names = "--finess", description = "Le centre à calculer, quand le fichier des centres en contient plusieurs.")
	String finess;

	@Option(names = "--extraction-date", description = "Date des données patients, affichée avec les nombres.")
	LocalDate extractionDate;

	@Mixin
	RuleSetOptions ruleSets;

	@Option(names = "--html", description = "Écrit aussi le relevé en page HTML dans ce fichier.")
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
				.forEach(r -> System.err.println("rejetée : " + r.file() + ":" + r.line() + " " + r.field() + " — "
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
