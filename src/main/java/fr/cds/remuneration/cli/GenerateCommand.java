package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.generator.NationalDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate}: realistic synthetic national inputs for tests and benchmarks. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Écrit des entrées nationales synthétiques réalistes (centres, déclarations, contrats, extraction patients).",
				"Déterministe selon la graine ; calé sur les chiffres 2024 (répartition des types, régions, échecs",
				"du socle). Ce ne sont pas des données réelles : ne jamais les committer." })
public class GenerateCommand implements Callable<Integer> {

	private final RegionTable regions;

	@Option(names = "--output", required = true, description = "Répertoire où écrire les quatre fichiers CSV d'entrée (centres, déclarations, contrats, patients).")
	Path output;

	@Option(names = "--exercice", defaultValue = "2024", description = "Exercice des déclarations (par défaut : ${DEFAULT-VALUE}).")
	int exercice;

	@Option(names = "--centres", defaultValue = "3000", description = "Nombre de centres (par défaut : ${DEFAULT-VALUE}).")
	int centres;

	@Option(names = "--patients", defaultValue = "10000000",
			description = "Lignes de l'extraction patients (par défaut : ${DEFAULT-VALUE}, environ 1 Go).")
	long patients;

	@Option(names = "--seed", defaultValue = "2024", description = "Graine aléatoire (par défaut : ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--bad-rows-per-million", defaultValue = "10",
			description = "Lignes patients désignant un centre inconnu, par million (par défaut : ${DEFAULT-VALUE}).")
	int badRows;

	@Mixin
	RuleSetOptions ruleSets;

	public GenerateCommand(RegionTable regions) {
		this.regions = regions;
	}

	@Override
	public Integer call() {
		long started = System.nanoTime();
		NationalDataGenerator.Summary summary = new NationalDataGenerator(this.regions).generate(this.output,
				this.ruleSets.rulesFor(this.exercice),
				new NationalDataGenerator.Options(this.centres, this.patients, this.seed, this.badRows));
		System.out.printf(Locale.FRANCE, "%d centres, %d lignes de déclaration, %d contrats, %d lignes patients (%.0f Mo) écrits dans %s en %.1f s%n",
				summary.centres(), summary.declarationRows(), summary.contractRows(), summary.patientRows(),
				summary.patientBytes() / 1e6, this.output, (System.nanoTime() - started) / 1e9);
		return ExitCode.OK.code();
	}

}
