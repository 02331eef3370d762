package fr.cds.remuneration.cli;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** The root command: {@code cds-remuneration <subcommand>}. */
@Component
@Command(name = "cds-remuneration", mixinStandardHelpOptions = true, version = "cds-remuneration 0.1.0",
		description = "Rémunération forfaitaire annuelle des centres de santé (Accord national).",
		footer = { "", "Codes de sortie : 0 terminé, 1 échec, 2 ligne de commande invalide, 3 entrées refusées,",
				"  4 jeu de règles refusé, 5 déjà fait (rien n'est payé deux fois), 6 déjà en cours,",
				"  7 une entrée a changé pendant le run, 8 terminé avec des centres en attente,",
				"  9 approbation refusée (ordonnancement)." })
public class CdsCommand implements Runnable {

	/**
	 * The subcommands, in the order of --help. Not in the annotation: {@link CommandLineEntry} adds
	 * only the one a command line names (each is a Spring bean, most of them prototypes), all of them
	 * for --help, an unknown word or no command at all.
	 */
	static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, SimulateCommand.class, ExplainCommand.class,
			RunsCommand.class, RulesCommand.class, ExecutionCommands.Restart.class, ExecutionCommands.Recover.class,
			GenerateCommand.class, ReprocessCommand.class, AdvancesCommand.class, ImportPaymentsCommand.class,
			LedgerCommand.class, ServeCommand.class, WorkerCommand.class, DeskCommands.Approve.class,
			DeskCommands.Reject.class, DeskCommands.BankStatus.class, DeskCommands.BankReissue.class,
			SyntheseCommand.class, ImpactCommand.class, CorrectPaymentCommand.class);

	/** The subcommands a command line needs: the one it names, or every one. */
	static List<Class<?>> subcommandsFor(String... args) {
		if (args.length > 0) {
			for (Class<?> type : SUBCOMMANDS) {
				Command command = type.getAnnotation(Command.class);
				if (command.name().equals(args[0]) || Arrays.asList(command.aliases()).contains(args[0])) {
					return List.of(type);
				}
			}
		}
		return SUBCOMMANDS;
	}

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

}
