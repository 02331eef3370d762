package fr.cds.remuneration.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.centre.Finess;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.output.StatementTextRenderer;
import fr.cds.remuneration.output.StatementView;
import fr.cds.remuneration.snapshot.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explain <FINESS> <exercice>}: the stored explanation of a centre's amount. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "explain", mixinStandardHelpOptions = true,
		description = { "Affiche l'explication enregistrée du montant d'un centre pour un exercice :",
				"chaque indicateur, sa base, sa valeur et sa règle, tels que calculés par le dernier run terminé",
				"(ou par le run indiqué)." })
public class ExplainCommand implements Callable<Integer> {

	private final RunStore store;

	@Parameters(index = "0", description = "FINESS du centre.")
	String finess;

	@Parameters(index = "1", description = "Exercice.")
	int exercice;

	@Option(names = "--run", description = "Identifiant du run (voir 'runs') ; par défaut : le dernier run terminé de l'exercice.")
	Long run;

	public ExplainCommand(RunStore store) {
		this.store = store;
	}

	@Override
	public Integer call() {
		if (!Finess.isWellFormed(this.finess)) {
			System.err.println("'" + this.finess + "' n'est pas un numéro FINESS (9 caractères).");
			return ExitCode.USAGE.code();
		}
		Optional<CentreResult> result = this.run != null ? this.store.result(this.run, this.finess)
				: this.store.latestCompletedResult(this.exercice, this.finess);
		if (result.isEmpty() || result.get().exercice() != this.exercice) {
			System.err.println("Aucun résultat enregistré pour le centre " + this.finess + " et l'exercice " + this.exercice
					+ (this.run != null ? " dans le run " + this.run : " dans un run terminé") + ".");
			return ExitCode.FAILED.code();
		}
		System.out.print(StatementTextRenderer.render(StatementView.of(result.get())));
		return ExitCode.OK.code();
	}

}
