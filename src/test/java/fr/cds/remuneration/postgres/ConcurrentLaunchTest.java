package fr.cds.remuneration.postgres;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.annual.AnnualRunLauncher;
import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.support.EmbeddedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two launches of the same exercice at the same time on the same database: one runs, the other
 * is refused at once with exit code 6, and nothing is computed or paid twice. The overlap is made
 * certain, not left to timing: the job that starts waits until the other launch has been answered.
 */
class ConcurrentLaunchTest {

	private static final Path SMALL_INPUT = Path.of("src/test/resources/annual/small");

	@TempDir
	Path work;

	@Test
	void onPostgresOneLaunchRunsAndTheOtherIsRefused_fiveTimes() throws Exception {
		for (int attempt = 1; attempt <= 5; attempt++) {
			launchTwiceAtOnce(PostgresParityTest.postgresProfile(EmbeddedPostgres.newDatabase("concurrent")),
					"postgres-" + attempt);
		}
	}

	@Test
	void onTheEmbeddedH2FileDatabaseToo() throws Exception {
		Path database = this.work.resolve("h2/cds");
		launchTwiceAtOnce(List.of("spring.datasource.url=jdbc:h2:file:" + database + ";AUTO_SERVER=TRUE"), "h2");
	}

	private void launchTwiceAtOnce(List<String> database, String name) throws Exception {
		List<String> properties = new ArrayList<>(database);
		properties.add("cds.input.max-declaration-reject-rate=0.2");
		properties.add("cds.input.max-patient-reject-rate=0.2");
		try (ConfigurableApplicationContext context = Applications.start(properties, HoldFirstJob.class)) {
			AnnualRunLauncher launcher = context.getBean(AnnualRunLauncher.class);
			CountDownLatch otherAnswered = context.getBean(HoldFirstJob.class).otherAnswered;
			AnnualRunLauncher.Request request = new AnnualRunLauncher.Request(2024, SMALL_INPUT,
					this.work.resolve(name), RuleSetRepository.BUILT_IN, Optional.empty(), LocalDate.of(2025, 2, 14));
			CyclicBarrier together = new CyclicBarrier(2);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				List<Future<JobOutcome>> launches = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					launches.add(threads.submit(() -> {
						together.await();
						JobOutcome outcome = launcher.launch(request);
						if (outcome.exitCode() != ExitCode.OK) {
							otherAnswered.countDown();
						}
						return outcome;
					}));
				}
				List<ExitCode> codes = new ArrayList<>();
				for (Future<JobOutcome> launch : launches) {
					codes.add(launch.get(20, TimeUnit.MINUTES).exitCode());
				}
				assertThat(codes).as(name).containsExactlyInAnyOrder(ExitCode.OK, ExitCode.ALREADY_RUNNING);
				JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION", Integer.class)).isEqualTo(1);
				assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM CENTRE_RESULT", Integer.class)).isEqualTo(4);
				// nothing paid twice: one balance for each centre and payment stream with a non-zero amount
				assertThat(jdbc.queryForList("SELECT FINESS || ' ' || STREAM FROM PAYMENT_LEDGER WHERE KIND = 'SOLDE'"
						+ " ORDER BY FINESS, STREAM", String.class)).containsExactly("330000100 AIDES_CONTRAT",
								"330000100 FORFAIT", "330000100 MEDECIN_TRAITANT", "690000104 FORFAIT", "750000101 AIDES_CONTRAT",
								"750000101 FORFAIT", "750000101 MEDECIN_TRAITANT", "750000101 SUPPLEMENTS_ACTES");
			}
			finally {
				threads.shutdownNow();
			}
		}
	}

	/** Test-only: the annual job waits, before its first step, until the other launch is answered. */
	@Configuration(proxyBeanMethods = false)
	static class HoldFirstJob {

		final CountDownLatch otherAnswered = new CountDownLatch(1);

		@Bean
		static BeanPostProcessor holdAnnualJob(org.springframework.beans.factory.ObjectProvider<HoldFirstJob> self) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof AbstractJob job && beanName.equals("annualPaymentJob")) {
						job.registerJobExecutionListener(new JobExecutionListener() {
							@Override
							public void beforeJob(JobExecution jobExecution) {
								try {
									self.getObject().otherAnswered.await(10, TimeUnit.MINUTES);
								}
								catch (InterruptedException ex) {
									Thread.currentThread().interrupt();
								}
							}
						});
					}
					return bean;
				}
			};
		}

	}

}
