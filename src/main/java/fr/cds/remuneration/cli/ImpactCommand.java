package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.impact.ImpactService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code impact}: what a draft avenant would change for every centre of a paid exercice. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "impact", mixinStandardHelpOptions = true,
		description = { "Estime ce que des règles en projet (un avenant proposé) changeraient pour chaque centre d'un",
				"exercice payé : chaque centre est recalculé à partir des entrées figées de l'exercice sous les règles",
				"de base et sous chaque projet. Rien n'est payé ni inscrit (aucun traitement, aucune ligne au registre).",
				"Écrit totals.csv, distribution.csv, centres.csv, centres.xlsx, impact.html et synthese.txt dans",
				"<output>/impact/<nom>/ ; avec --finess, affiche à la place le relevé de ce centre avant et après." })
public class ImpactCommand implements Callable<Integer> {

	private final ImpactService service;

	@Option(names = "--exercice", required = true, description = "Exercice payé à recalculer.")
	int exercice;

	@Option(names = "--amendment", required = true, paramLabel = "FILE",
			description = { "Règles en projet : un fichier de règles complet (répétez l'option pour comparer plusieurs",
					"projets côte à côte, chacun avec la base)." })
	List<Path> amendments = new ArrayList<>();

	@Option(names = "--base", paramLabel = "ID@VERSION",
			description = "Jeu de règles de base (par défaut : celui du dernier run terminé de l'exercice).")
	String base;

	@Option(names = "--rules", paramLabel = "DIR",
			description = "Où lire le jeu de règles de base (par défaut : là où ce run a lu ses règles).")
	String rules;

	@Option(names = "--finess", paramLabel = "FINESS",
			description = "Affiche le relevé de ce centre avant et après, ligne à ligne, au lieu des rapports.")
	String finess;

	@Option(names = "--output", defaultValue = "output", description = "Répertoire de sortie (par défaut : ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--name", description = "Répertoire sous <output>/impact/ (par défaut : <exercice>-<noms des projets>).")
	String name;

	public ImpactCommand(ImpactService service) {
		this.service = service;
	}

	@Override
	public Integer call() {
		ImpactService.Outcome outcome = this.service.run(new ImpactService.Request(this.exercice, this.amendments,
				Optional.ofNullable(this.base), Optional.ofNullable(this.rules), Optional.ofNullable(this.finess),
				this.output, Optional.ofNullable(this.name)));
		ExitCode code = switch (outcome.status()) {
			case DONE -> ExitCode.OK;
			case USAGE -> ExitCode.USAGE;
			case NO_SNAPSHOT -> ExitCode.INPUT_REFUSED;
			case RULES_REFUSED -> ExitCode.RULES_REFUSED;
		};
		if (code != ExitCode.OK) {
			System.err.println(outcome.message());
			return code.code();
		}
		if (!outcome.centreText().isEmpty()) {
			System.out.print(outcome.centreText());
		}
		else {
			System.out.println(outcome.message());
		}
		return ExitCode.OK.code();
	}

}
