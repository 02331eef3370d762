package fr.cds.remuneration;

import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.cli.RunCommand;
import fr.cds.remuneration.cli.ServeCommand;
import fr.cds.remuneration.cli.StartupFailure;
import fr.cds.remuneration.run.DatabaseSettings;

/**
 * cds-remuneration: the yearly forfait remuneration of French health centres. The process runs
 * one command-line subcommand (see {@code --help}) and exits with its code.
 *
 * <p>Only {@code serve} (the web calculette) makes the process a web application, through the
 * {@code serve} profile ({@code application-serve.properties}): the web application type is
 * decided before the context exists, so only {@code main} can choose it, from the first argument.
 * Every other command, and every test that starts the context without asking for the profile,
 * stays a plain application: no web server, no port opened.
 */
@SpringBootApplication
public class Application {

	private static final String HIKARI_ALIVE_BYPASS = "com.zaxxer.hikari.aliveBypassWindowMs";

	static {
		// Hikari does not check a connection borrowed within 500 ms of its last use. After a database
		// restart or cut sessions (pg_terminate_backend, a failover), such a connection fails the first
		// statement that uses it and the step with it, although the server is back: check every borrow
		// (one isValid() round trip per transaction, nothing against a run's thousands of rows per chunk).
		if (System.getProperty(HIKARI_ALIVE_BYPASS) == null) {
			System.setProperty(HIKARI_ALIVE_BYPASS, "0");
		}
	}

	public static void main(String[] args) {
		Optional<String> missing = DatabaseSettings.missing(DatabaseSettings::fromProcess);
		if (missing.isPresent()) {
			System.err.println(missing.get());
			System.exit(ExitCode.USAGE.code());
		}
		// a run's pass over its input files on its own thread while the application starts
		RunCommand.scanAhead(args);
		// the context prepared at build time, when this launch's configuration is the one it froze
		AotStart.request(System.getenv(), args);
		ConfigurableApplicationContext context;
		try {
			context = application(args).run(args);
		}
		catch (SpringApplication.AbandonedRunException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// Spring Boot's own report of a failed start is switched off (application.properties):
			// the operator gets one line for what they can act on, the stack trace otherwise
			Optional<StartupFailure.Known> known = StartupFailure.known(ex);
			if (known.isPresent()) {
				System.err.println(known.get().message());
				System.exit(known.get().exitCode().code());
			}
			ex.printStackTrace();
			System.exit(ExitCode.FAILED.code());
			return;
		}
		System.exit(SpringApplication.exit(context));
	}

	/** The application for this command line: a web application for {@code serve} only. */
	static SpringApplication application(String... args) {
		SpringApplication application = new SpringApplication(Application.class);
		// Arguments belong to the command line, not to Spring: configuration comes from the
		// environment (SPRING_PROFILES_ACTIVE, CDS_DB_URL…), never from a stray --option.
		application.setAddCommandLineProperties(false);
		application.addListeners(new AotStart());
		if (args.length > 0 && ServeCommand.NAME.equals(args[0])) {
			application.setAdditionalProfiles(ServeCommand.NAME);
		}
		return application;
	}

}
