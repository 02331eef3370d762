package fr.cds.remuneration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * cds-remuneration: the yearly forfait remuneration of French health centres. The process runs
 * one command-line subcommand (see {@code --help}) and exits with its code.
 */
@SpringBootApplication
public class Application {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(Application.class);
		// Arguments belong to the command line, not to Spring: configuration comes from the
		// environment (SPRING_PROFILES_ACTIVE, CDS_DB_URL…), never from a stray --option.
		application.setAddCommandLineProperties(false);
		System.exit(SpringApplication.exit(application.run(args)));
	}

}
