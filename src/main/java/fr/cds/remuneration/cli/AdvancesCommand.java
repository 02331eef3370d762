package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.advance.AdvanceLauncher;
import fr.cds.remuneration.run.JobOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code advances}: compute and record the advances of an exercice, paid during the exercice. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "advances", mixinStandardHelpOptions = true,
		description = { "Calcule l'avance de chaque centre pour un exercice N, selon le calendrier des paiements",
				"(paramètre advance du jeu de règles : un taux de ce que rapporteraient les indicateurs du socle",
				"à 100 %%, un minimum, jamais plus que ce montant du socle), à partir des centres du run annuel terminé",
				"de N-1, sous les règles de N ; les inscrit au registre des paiements et écrit <output>/<N>/advances/.",
				"Les centres qui ont déjà une avance pour N sont laissés tels quels." })
public class AdvancesCommand implements Callable<Integer> {

	private final AdvanceLauncher launcher;

	@Option(names = "--exercice", required = true, description = "Exercice N dont les avances sont versées pendant N.")
	int exercice;

	@Mixin
	RuleSetOptions ruleSets;

	@Option(names = "--output", defaultValue = "output", description = "Répertoire de sortie (par défaut : ${DEFAULT-VALUE}).")
	Path output;

	public AdvancesCommand(AdvanceLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		JobOutcome outcome = this.launcher.launch(new AdvanceLauncher.Request(this.exercice, this.ruleSets.rules,
				this.ruleSets.ruleSet(), this.output));
		return Outcomes.report(outcome);
	}

}
