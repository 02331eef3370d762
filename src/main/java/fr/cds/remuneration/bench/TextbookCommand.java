package fr.cds.remuneration.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import fr.cds.remuneration.run.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code textbook} (hidden): runs the textbook aggregation job for the benchmark, in a process
 * started by {@code benchmark} with {@code CDS_BENCHMARK_TEXTBOOK=true} on a throwaway database.
 */
@Component
@Command(name = "textbook", hidden = true, description = "Benchmark only: the textbook aggregation of an extract.")
public class TextbookCommand implements Callable<Integer> {

	private final JobOperator jobOperator;

	private final ObjectProvider<Job> job;

	private final JdbcTemplate jdbc;

	@Option(names = "--input", required = true, description = "The patient extract.")
	Path input;

	public TextbookCommand(JobOperator jobOperator,
			@Qualifier(TextbookAggregationJobConfiguration.JOB_NAME) ObjectProvider<Job> job, JdbcTemplate jdbc) {
		this.jobOperator = jobOperator;
		this.job = job;
		this.jdbc = jdbc;
	}

	@Override
	public Integer call() throws Exception {
		Job textbook = this.job.getIfAvailable();
		if (textbook == null) {
			System.err.println("The textbook job is loaded only with CDS_BENCHMARK_TEXTBOOK=true (benchmark only).");
			return ExitCode.USAGE.code();
		}
		JobExecution execution = this.jobOperator.start(textbook,
				new JobParametersBuilder().addString("input", this.input.toAbsolutePath().toString())
					.addString("at", LocalDateTime.now().toString())
					.toJobParameters());
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			System.err.println("textbook aggregation " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
			return ExitCode.FAILED.code();
		}
		Long centres = this.jdbc.queryForObject("SELECT COUNT(*) FROM TEXTBOOK_AGGREGATE", Long.class);
		Long rows = this.jdbc.queryForObject("SELECT SUM(ROWS_ACCEPTED) FROM TEXTBOOK_AGGREGATE", Long.class);
		System.out.println("textbook aggregation: " + rows + " rows into " + centres + " centres");
		return ExitCode.OK.code();
	}

}
