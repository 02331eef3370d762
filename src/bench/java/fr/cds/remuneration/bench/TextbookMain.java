package fr.cds.remuneration.bench;

import java.util.Map;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.Application;
import picocli.CommandLine;

/**
 * The textbook aggregation's own process, started by the benchmark: the application's context
 * with the textbook job ({@code cds.benchmark.textbook=true}) and without the production command
 * line, then {@link TextbookCommand} on the arguments ({@code --input patients.csv}).
 */
public final class TextbookMain {

	private TextbookMain() {
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(Application.class);
		application.setAddCommandLineProperties(false);
		application.setDefaultProperties(Map.of("cds.cli.enabled", "false", "cds.benchmark.textbook", "true"));
		int exit;
		try (ConfigurableApplicationContext context = application.run()) {
			TextbookCommand command = new TextbookCommand(context.getBean(JobOperator.class),
					context.getBean(TextbookAggregationJobConfiguration.JOB_NAME, Job.class),
					context.getBean(JdbcTemplate.class));
			exit = new CommandLine(command).execute(args);
		}
		System.exit(exit);
	}

}
