package fr.cds.remuneration.cli;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.run.ExerciceLock;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.support.CommandLineRun;
import fr.cds.remuneration.support.CsvFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator's day: a run refused by the reject limits (1 rejected row of 19 declarations, 1 of 21
 * patient rows), its execution later found marked STARTED as after a crash, recovered, then
 * restarted once the limits have been raised after review — it completes from the step that failed.
 */
class ExecutionControlCommandsTest {

	private static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:execution-control;DB_CLOSE_DELAY=-1";

	private static final String SMALL = "src/test/resources/annual/small";

	@TempDir
	Path output;

	@Test
	void recoverThenRestartAFailedRun() {
		long executionId;
		try (ConfigurableApplicationContext context = start()) {
			CommandLineEntry cli = context.getBean(CommandLineEntry.class);
			CommandLineRun run = CommandLineRun.of(cli, "run", "--exercice", "2024", "--input", SMALL, "--output",
					this.output.toString(), "--extraction-date", "2025-02-14");
			assertThat(run.exitCode()).isEqualTo(3);
			assertThat(run.err()).contains("patients.csv : 1 ligne(s) rejetée(s) sur 21");
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			executionId = jdbc.queryForObject("SELECT MAX(JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION", Long.class);

			// as if the process had been killed: the execution and its last step still say STARTED
			jdbc.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?",
					executionId);
			jdbc.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = 'inputQuality'",
					executionId);
			try (ExerciceLock.Held live = context.getBean(ExerciceLock.class).tryAcquire(2024).orElseThrow()) {
				CommandLineRun refused = CommandLineRun.of(cli, "recover", String.valueOf(executionId));
				assertThat(refused.exitCode()).isEqualTo(6);
				assertThat(refused.err()).contains("tourne réellement");
			}
			CommandLineRun recovered = CommandLineRun.of(cli, "recover", String.valueOf(executionId));
			assertThat(recovered.exitCode()).as(recovered.err()).isZero();
			assertThat(recovered.out()).contains("désormais FAILED");
			assertThat(jdbc.queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?",
					String.class, executionId)).isEqualTo("FAILED");
		}
		try (ConfigurableApplicationContext context = start("cds.input.max-declaration-reject-rate=0.1",
				"cds.input.max-patient-reject-rate=0.1")) {
			CommandLineEntry cli = context.getBean(CommandLineEntry.class);
			CommandLineRun restart = CommandLineRun.of(cli, "restart", String.valueOf(executionId));
			assertThat(restart.exitCode()).as(restart.err()).isZero();
			assertThat(CsvFiles.statementTotal(this.output.resolve("2024/statements/690000104.csv")))
				.isEqualByComparingTo("23114.88");
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			// the restart did not read the input files again: centres and declarations ran once
			assertThat(jdbc.queryForObject(
					"SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STEP_NAME IN ('centres', 'declarations')",
					Integer.class)).isEqualTo(2);
			assertThat(CommandLineRun.of(cli, "restart", String.valueOf(executionId)).exitCode()).isEqualTo(1);
		}
	}

	private static ConfigurableApplicationContext start(String... more) {
		return Applications.start(java.util.stream.Stream.concat(Stream.of(DATABASE, "cds.cli.enabled=true"), Stream.of(more))
			.toList());
	}

}
