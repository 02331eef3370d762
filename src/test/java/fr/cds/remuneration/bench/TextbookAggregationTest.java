package fr.cds.remuneration.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.centre.RegionTable;
import fr.cds.remuneration.generator.NationalDataGenerator;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.support.Applications;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's textbook job still reads the extract of today's layout and counts what the
 * streaming aggregation counts: checked against a plain count of the generated file's lines (no CSV
 * library, no code of the application), so that the benchmark compares like with like.
 */
class TextbookAggregationTest {

	@TempDir
	Path dir;

	@Test
	void theTextbookJobCountsEachCentresPopulationsAsAPlainReadingOfTheFile() throws Exception {
		new NationalDataGenerator(RegionTable.load()).generate(this.dir,
				RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty()),
				new NationalDataGenerator.Options(40, 5_000, 11, 0));
		Path extract = this.dir.resolve("patients.csv");
		Map<String, List<Long>> expected = countByHand(extract);

		try (ConfigurableApplicationContext context = Applications.start(List.of("cds.benchmark.textbook=true",
				"spring.datasource.url=jdbc:h2:mem:textbook-test"))) {
			JobExecution execution = context.getBean(JobOperator.class)
				.start(context.getBean(TextbookAggregationJobConfiguration.JOB_NAME, Job.class),
						new JobParametersBuilder().addString("input", extract.toString()).toJobParameters());
			assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			Map<String, List<Long>> counted = new TreeMap<>();
			jdbc.query("SELECT A.FINESS, A.ROWS_ACCEPTED, A.MT_PATIENTS, A.FA_PATIENTS, A.TEAM_PATIENTS,"
					+ " (SELECT COALESCE(SUM(M.PATIENTS), 0) FROM TEXTBOOK_MEDECIN_TRAITANT M WHERE M.FINESS = A.FINESS)"
					+ " FROM TEXTBOOK_AGGREGATE A", rs -> {
						counted.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
								rs.getLong(6)));
					});
			assertThat(counted).isEqualTo(expected);
		}
	}

	/** Per centre: rows, médecin-traitant patients, file active, team, médecin-traitant again (by age). */
	private static Map<String, List<Long>> countByHand(Path extract) throws IOException {
		List<String> lines = Files.readAllLines(extract, StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).split(";"));
		int finess = header.indexOf("finess");
		int mt = header.indexOf("medecin_traitant");
		int firstContact = header.indexOf("contacts_medecin_generaliste");
		int firstOther = header.indexOf("contacts_infirmier");
		Map<String, long[]> counts = new TreeMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] v = line.split(";");
			long[] c = counts.computeIfAbsent(v[finess], f -> new long[4]);
			long physician = 0;
			long other = 0;
			for (int i = firstContact; i < v.length; i++) {
				if (i < firstOther) {
					physician += Long.parseLong(v[i]);
				}
				else {
					other += Long.parseLong(v[i]);
				}
			}
			boolean medecinTraitant = v[mt].equals("1");
			c[0]++;
			c[1] += medecinTraitant ? 1 : 0;
			c[2] += physician + other > 0 ? 1 : 0;
			c[3] += medecinTraitant && other > 0 ? 1 : 0;
		}
		Map<String, List<Long>> expected = new TreeMap<>();
		counts.forEach((centre, c) -> expected.put(centre, List.of(c[0], c[1], c[2], c[3], c[1])));
		return expected;
	}

}
