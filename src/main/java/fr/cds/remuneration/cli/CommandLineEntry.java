package fr.cds.remuneration.cli;

import java.util.ResourceBundle;

import fr.cds.remuneration.run.ExitCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import picocli.CommandLine;

/**
 * Runs the picocli command line inside the Spring context: subcommands are Spring beans, so they
 * get the job operator, the stores and the configuration injected. Tests that start the context
 * without a command line set {@code cds.cli.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "cds.cli.enabled", havingValue = "true", matchIfMissing = true)
public class CommandLineEntry implements CommandLineRunner, ExitCodeGenerator {

	/** picocli's own words in --help (headings, the standard help options), in French. */
	static final String USAGE_HELP = "fr.cds.remuneration.cli.UsageHelp";

	private final CdsCommand root;

	private final ApplicationContext context;

	private int exitCode;

	public CommandLineEntry(CdsCommand root, ApplicationContext context) {
		this.root = root;
		this.context = context;
	}

	@Override
	public void run(String... args) {
		this.exitCode = execute(args);
	}

	/** Runs one command line and returns its exit code. */
	public int execute(String... args) {
		return commandLine(args).execute(args);
	}

	/** The command line with every subcommand, as {@link #execute} runs --help (a test walks it to read every --help). */
	CommandLine commandLine() {
		return commandLine(new String[0]);
	}

	/**
	 * The command line for {@code args}: with only the subcommand they name, when they name one. Each
	 * subcommand is a Spring bean created with its dependencies and read by picocli: a run should not
	 * pay for the twenty others at its start. --help, an unknown word (picocli suggests the close
	 * names) or no command get them all.
	 */
	CommandLine commandLine(String... args) {
		CommandLine commandLine = new CommandLine(this.root, new SpringFactory(this.context));
		for (Class<?> subcommand : CdsCommand.subcommandsFor(args)) {
			// a class: picocli creates it with the factory, as for the annotation's subcommands
			commandLine.addSubcommand(subcommand);
		}
		commandLine.setExitCodeExceptionMapper(CommandLineEntry::exitCodeOf);
		commandLine.setParameterExceptionHandler(new FrenchUsageErrors());
		// after the subcommands are added, so that every one of them gets it
		commandLine.setResourceBundle(ResourceBundle.getBundle(USAGE_HELP));
		return commandLine;
	}

	/**
	 * A command line picocli cannot parse (unknown option, missing or malformed value) is a usage
	 * error, exit code 2 as documented; anything else thrown by a command is a failure. The mapper
	 * serves both cases in picocli: mapping everything to a failure made usage errors exit 1.
	 */
	static int exitCodeOf(Throwable exception) {
		return exception instanceof CommandLine.ParameterException ? ExitCode.USAGE.code() : ExitCode.FAILED.code();
	}

	@Override
	public int getExitCode() {
		return this.exitCode;
	}

	/** Creates picocli commands from the Spring context when they are beans. */
	private record SpringFactory(ApplicationContext context) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			ObjectProvider<K> bean = this.context.getBeanProvider(type);
			K instance = bean.getIfAvailable();
			return instance != null ? instance : CommandLine.defaultFactory().create(type);
		}

	}

}
