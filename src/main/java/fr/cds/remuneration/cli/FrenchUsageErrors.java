package fr.cds.remuneration.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

import fr.cds.remuneration.run.ExitCode;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A command line picocli cannot parse, told in one French line with the command's help to read,
 * instead of picocli's English message and the whole usage text; exit code 2 (usage).
 */
final class FrenchUsageErrors implements CommandLine.IParameterExceptionHandler {

	@Override
	public int handleParseException(ParameterException ex, String[] args) {
		CommandLine command = ex.getCommandLine();
		PrintWriter err = command.getErr();
		err.println(message(ex) + " Voir '" + command.getCommandSpec().qualifiedName(" ") + " --help'.");
		err.flush();
		return ExitCode.USAGE.code();
	}

	static String message(ParameterException ex) {
		if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
			List<String> arguments = unmatched.getUnmatched();
			return "Commande, option ou argument inconnu : " + String.join(" ", arguments) + ".";
		}
		if (ex instanceof CommandLine.MissingParameterException missing) {
			String names = missing.getMissing().stream().map(FrenchUsageErrors::name).collect(Collectors.joining(", "));
			boolean valueMissing = String.valueOf(ex.getMessage()).startsWith("Missing required parameter for option");
			return valueMissing ? "Valeur manquante après l'option " + names + "."
					: "Option ou paramètre obligatoire manquant : " + names + ".";
		}
		if (ex instanceof CommandLine.OverwrittenOptionException overwritten) {
			return "Option donnée deux fois : " + name(overwritten.getOverwritten()) + ".";
		}
		if (ex instanceof CommandLine.MutuallyExclusiveArgsException) {
			return "Options incompatibles entre elles dans cette commande.";
		}
		if (ex instanceof CommandLine.MaxValuesExceededException) {
			return "Trop de valeurs ou d'arguments pour cette commande.";
		}
		ArgSpec spec = ex.getArgSpec();
		if (spec != null) {
			String value = ex.getValue() == null ? "" : " : '" + ex.getValue() + "'";
			String expected = ex.getCause() instanceof CommandLine.TypeConversionException conversion
					&& conversion.getMessage() != null && conversion.getMessage().startsWith("attendu")
							? " (" + conversion.getMessage() + ")" : " (attendu : " + spec.paramLabel() + ")";
			return "Valeur invalide pour " + name(spec) + value + expected + ".";
		}
		return "Ligne de commande invalide.";
	}

	private static String name(ArgSpec spec) {
		return spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
	}

}
