package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.reprocess.ReprocessLauncher;
import fr.cds.remuneration.run.JobOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reprocess}: recompute a paid exercice and pay or recover only the difference. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "reprocess", mixinStandardHelpOptions = true,
		description = { "Recalcule un exercice payé à partir de ses entrées figées, sous une nouvelle version des règles",
				"(un avenant) ou avec les entrées corrigées de centres désignés (un litige), et ne verse ou ne",
				"récupère que la différence avec ce que le registre des paiements contient déjà. Écrit les relevés",
				"de régularisation, un fichier de paiement de régularisation, une synthèse par région et un rapport",
				"du run dans <output>/<exercice>/regularisations/R<run>/.",
				"Le même retraitement deux fois est refusé (code 5) ; un retraitement en échec reprend là où il",
				"s'est arrêté." })
public class ReprocessCommand implements Callable<Integer> {

	private final ReprocessLauncher launcher;

	@Option(names = "--exercice", required = true, description = "Exercice à retraiter (il doit avoir été payé).")
	int exercice;

	@Mixin
	RuleSetOptions ruleSets;

	@Option(names = "--centre", paramLabel = "FINESS",
			description = "Ne retraite que ce centre (répétez l'option pour plusieurs ; par défaut : tous les centres).")
	List<String> centres = new ArrayList<>();

	@Option(names = "--corrected-input", paramLabel = "DIR",
			description = { "Répertoire contenant centres.csv, declarations.csv et patients.csv avec les entrées corrigées",
					"des seuls centres désignés par --centre (un litige) ; contrôlées comme les entrées annuelles." })
	Path correctedInput;

	@Option(names = "--extraction-date",
			description = "Date de l'extraction corrigée des patients (aaaa-mm-jj) ; seulement avec --corrected-input.")
	LocalDate extractionDate;

	@Option(names = "--output", defaultValue = "output", description = "Répertoire de sortie (par défaut : ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--operator", description = { "Nom de l'opérateur qui lance le run (par défaut : l'utilisateur du système).",
			"Ses lignes de paiement sont ensuite approuvées par un autre opérateur ('approve')." })
	String operator;

	@Option(names = "--name", description = "Suffixe lisible du répertoire de sortie, par exemple avenant-6.")
	String name;

	public ReprocessCommand(ReprocessLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		JobOutcome outcome = this.launcher.launch(new ReprocessLauncher.Request(this.exercice,
				this.ruleSets.ruleSet(), this.ruleSets.rules, this.centres, Optional.ofNullable(this.correctedInput),
				Optional.ofNullable(this.extractionDate), this.output, Optional.ofNullable(this.name)), this.operator);
		return Outcomes.report(outcome);
	}

}
