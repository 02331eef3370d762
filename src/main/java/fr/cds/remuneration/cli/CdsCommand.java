package fr.cds.remuneration.cli;

import org.springframework.stereotype.Component;

import picocli.CommandLine.Command;

/** The root command: {@code cds-remuneration <subcommand>}. */
@Component
@Command(name = "cds-remuneration", mixinStandardHelpOptions = true, version = "cds-remuneration 0.1.0",
		description = "Rémunération forfaitaire annuelle des centres de santé (Accord national).",
		subcommands = { RunCommand.class, SimulateCommand.class, ExplainCommand.class, RunsCommand.class,
				RulesCommand.class, ExecutionCommands.Restart.class, ExecutionCommands.Recover.class,
				GenerateCommand.class, ReprocessCommand.class, AdvancesCommand.class,
				ImportPaymentsCommand.class, LedgerCommand.class, ServeCommand.class,
				WorkerCommand.class, DeskCommands.Approve.class, DeskCommands.Reject.class,
				DeskCommands.BankStatus.class, DeskCommands.BankReissue.class, SyntheseCommand.class,
				ImpactCommand.class, CorrectPaymentCommand.class },
		footer = { "", "Exit codes: 0 ok, 1 failed, 2 usage, 3 inputs refused, 4 rule set refused,",
				"            5 already completed (nothing paid twice), 6 already running,",
				"            9 approval refused (payer's desk)." })
public class CdsCommand implements Runnable {

	@picocli.CommandLine.Spec
	picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(System.out);
	}

}
