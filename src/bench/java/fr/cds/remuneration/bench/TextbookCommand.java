package fr.cds.remuneration.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.run.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code textbook}: runs the textbook aggregation job for the benchmark, in the process
 * {@link TextbookMain} starts on a throwaway database.
 */
@Command(name = "textbook", description = "Benchmark only: the textbook aggregation of an extract.")
public class TextbookCommand implements Callable<Integer> {

	private final JobOperator jobOperator;

	private final Job job;

	private final JdbcTemplate jdbc;

	@Option(names = "--input", required = true, description = "The patient extract.")
	Path input;

	public TextbookCommand(JobOperator jobOperator, Job job, JdbcTemplate jdbc) {
		this.jobOperator = jobOperator;
		this.job = job;
		this.jdbc = jdbc;
	}

	@Override
	public Integer call() throws Exception {
		JobExecution execution = this.jobOperator.start(this.job,
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
