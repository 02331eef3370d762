package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.annual.InputScanAhead;
import fr.cds.remuneration.input.InputEncoding;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code run}: the annual payment job for one exercice. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "run", mixinStandardHelpOptions = true,
		description = { "Lance le traitement annuel de paiement d'un exercice.",
				"Calcule chaque centre et écrit relevés, synthèse régionale, fichier de paiement, rejets et",
				"rapport du run dans <output>/<exercice>/.",
				"Un run en échec reprend là où il s'est arrêté quand on le relance avec les mêmes entrées ;",
				"une fois un exercice terminé, tout second run annuel de cet exercice est refusé (code 5) :",
				"rien n'est payé deux fois ; une modification après paiement passe par 'reprocess'." })
public class RunCommand implements Callable<Integer> {

	private final AnnualRunLauncher launcher;

	@Option(names = "--exercice", required = true, description = "Année d'activité N (payée en N+1).")
	int exercice;

	@Option(names = "--input", required = true,
			description = "Répertoire contenant centres.csv, declarations.csv, contracts.csv et patients.csv.")
	Path input;

	@Option(names = "--output", defaultValue = "output", description = "Répertoire de sortie (par défaut : ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--extraction-date", required = true,
			description = "Date de l'extraction des patients par l'Assurance Maladie (aaaa-mm-jj).")
	LocalDate extractionDate;

	@Option(names = "--pdf", description = "Écrit aussi chaque relevé en PDF (environ un dixième de seconde par centre).")
	boolean pdf;

	@Mixin
	RuleSetOptions ruleSets;

	@Option(names = "--operator", description = { "Nom de l'opérateur qui lance le run (par défaut : l'utilisateur du système).",
			"Ses lignes de paiement sont ensuite approuvées par un autre opérateur ('approve')." })
	String operator;

	@Option(names = "--input-encoding", defaultValue = "UTF-8", converter = EncodingConverter.class,
			description = { "Encodage des fichiers d'entrée : UTF-8 (par défaut) ou windows-1252 (aussi pour les fichiers Latin-1).",
					"Un encodage déclaré que les octets des fichiers contredisent est refusé." })
	InputEncoding inputEncoding;

	public RunCommand(AnnualRunLauncher launcher) {
		this.launcher = launcher;
	}

	@Override
	public Integer call() {
		return Outcomes.report(this.launcher.launch(new AnnualRunLauncher.Request(this.exercice, this.input,
				this.output, this.ruleSets.rules, this.ruleSets.ruleSet(), this.extractionDate, this.pdf,
				this.inputEncoding), this.operator));
	}

	/**
	 * Starts the launch's scan of the inputs ahead ({@link InputScanAhead}) when the command line is
	 * a run naming its input directory: called by {@code main} before the application starts. Only
	 * a head start: the launcher uses it only for the same directory, and scans itself otherwise.
	 */
	public static void scanAhead(String... args) {
		if (args.length < 2 || !"run".equals(args[0])) {
			return;
		}
		Path input = null;
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")
					|| arg.equals("--")) {
				return;
			}
			if (arg.equals("--input") && i + 1 < args.length) {
				input = path(args[++i]);
			}
			else if (arg.startsWith("--input=")) {
				input = path(arg.substring("--input=".length()));
			}
		}
		try {
			if (input != null) {
				InputScanAhead.start(input);
			}
		}
		catch (RuntimeException ex) {
			// a head start only: the command itself reports what is wrong with its inputs
		}
	}

	private static Path path(String value) {
		try {
			return Path.of(value);
		}
		catch (java.nio.file.InvalidPathException ex) {
			return null;
		}
	}

	/** Reads {@code --input-encoding}; an unknown name is a usage error. */
	static final class EncodingConverter implements ITypeConverter<InputEncoding> {

		@Override
		public InputEncoding convert(String value) {
			return InputEncoding.parse(value)
				.orElseThrow(() -> new TypeConversionException("attendu : UTF-8 ou windows-1252"));
		}

	}

}
