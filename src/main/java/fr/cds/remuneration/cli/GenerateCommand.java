package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.generator.NationalDataGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code generate}: realistic synthetic national inputs for tests and benchmarks. */
@Component
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Write realistic synthetic national inputs (centres, declarations, patient extract).",
				"Deterministic from the seed; calibrated on the 2024 figures (type mix, regions, socle",
				"failures). Not real data: never commit it." })
public class GenerateCommand implements Callable<Integer> {

	private final RegionTable regions;

	@Option(names = "--output", required = true, description = "Directory to write the four CSV input files to (centres, declarations, contracts, patients).")
	Path output;

	@Option(names = "--exercice", defaultValue = "2024", description = "Exercice of the declarations (default ${DEFAULT-VALUE}).")
	int exercice;

	@Option(names = "--centres", defaultValue = "3000", description = "Number of centres (default ${DEFAULT-VALUE}).")
	int centres;

	@Option(names = "--patients", defaultValue = "10000000",
			description = "Rows of the patient extract (default ${DEFAULT-VALUE}, about 1 GB).")
	long patients;

	@Option(names = "--seed", defaultValue = "2024", description = "Random seed (default ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--bad-rows-per-million", defaultValue = "10",
			description = "Patient rows naming an unknown centre, per million (default ${DEFAULT-VALUE}).")
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
		System.out.printf("%d centres, %d declaration rows, %d contracts, %d patient rows (%.0f MB) written to %s in %.1f s%n",
				summary.centres(), summary.declarationRows(), summary.contractRows(), summary.patientRows(),
				summary.patientBytes() / 1e6, this.output, (System.nanoTime() - started) / 1e9);
		return ExitCode.OK.code();
	}

}
