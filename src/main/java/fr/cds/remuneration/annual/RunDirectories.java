package fr.cds.remuneration.annual;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.input.InputFile;
import fr.cds.remuneration.run.JobOutcome;

/**
 * The directories an annual run is given, checked before a byte of input is read: a national
 * extract takes a minute to read, and an output directory that cannot be written would otherwise
 * fail the run only when its first output is written. One French line for each problem, no stack
 * trace, with what to do.
 */
final class RunDirectories {

	private RunDirectories() {
	}

	/** Why the run cannot start with these directories, if anything. */
	static Optional<JobOutcome> refusal(Path inputDir, Path exerciceOutputDir) {
		return inputProblem(inputDir).or(() -> outputProblem(exerciceOutputDir));
	}

	private static Optional<JobOutcome> inputProblem(Path inputDir) {
		if (!Files.exists(inputDir)) {
			return Optional.of(JobOutcome.refused(ExitCode.INPUT_REFUSED, "Répertoire d'entrée introuvable : "
					+ inputDir.toAbsolutePath() + " ; vérifiez le chemin donné à --input."));
		}
		if (!Files.isDirectory(inputDir)) {
			return Optional.of(JobOutcome.refused(ExitCode.INPUT_REFUSED, "--input " + inputDir.toAbsolutePath()
					+ " est un fichier, pas un répertoire : donnez le répertoire qui contient centres.csv,"
					+ " declarations.csv, patients.csv et contracts.csv."));
		}
		for (InputFile file : InputFile.values()) {
			Path path = inputDir.resolve(file.fileName());
			if (Files.isDirectory(path)) {
				return Optional.of(JobOutcome.refused(ExitCode.INPUT_REFUSED, file.fileName() + " : "
						+ path.toAbsolutePath() + " est un répertoire, pas un fichier : placez-y le fichier CSV exporté."));
			}
		}
		return Optional.empty();
	}

	/**
	 * The exercice's output directory is created when missing; it must then accept a file. Running as
	 * a user the permissions do not stop (root), the probe file is what tells.
	 */
	private static Optional<JobOutcome> outputProblem(Path exerciceOutputDir) {
		Path absolute = exerciceOutputDir.toAbsolutePath();
		try {
			Files.createDirectories(exerciceOutputDir);
			Path probe = Files.createTempFile(exerciceOutputDir, ".write-check-", ".tmp");
			Files.delete(probe);
			return Optional.empty();
		}
		catch (FileAlreadyExistsException ex) {
			return Optional.of(usage("Répertoire de sortie " + absolute + " : " + ex.getFile()
					+ " existe et n'est pas un répertoire ; choisissez un autre --output."));
		}
		catch (NoSuchFileException ex) {
			return Optional.of(usage("Répertoire de sortie " + absolute + " : impossible de le créer (" + ex.getFile()
					+ " introuvable) ; vérifiez le chemin donné à --output."));
		}
		catch (FileSystemException ex) {
			return Optional.of(usage("Répertoire de sortie " + absolute + " : impossible d'y écrire (" + ex.getFile()
					+ (ex.getReason() == null ? "" : " : " + ex.getReason())
					+ ") ; vérifiez le chemin et les droits, ou choisissez un autre --output."));
		}
		catch (IOException | SecurityException ex) {
			return Optional.of(usage("Répertoire de sortie " + absolute + " : impossible d'y écrire (" + ex.getMessage()
					+ ") ; vérifiez les droits, ou choisissez un autre --output."));
		}
	}

	private static JobOutcome usage(String message) {
		return JobOutcome.refused(ExitCode.USAGE, message);
	}

}
