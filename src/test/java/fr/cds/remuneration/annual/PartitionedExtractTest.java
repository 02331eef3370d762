package fr.cds.remuneration.annual;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import fr.cds.remuneration.run.ExitCode;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.run.JobOutcome;
import fr.cds.remuneration.support.Applications;
import fr.cds.remuneration.support.OutputTrees;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The patient extract read by four parallel partitions gives exactly what one reader gives: the
 * same aggregates, rejects and line numbers, hence the same outputs to the byte. The extract is
 * the samples' with a row whose quoted field holds a line break, planted where the middle of the
 * file falls, so that a naive split would cut it.
 */
class PartitionedExtractTest {

	@TempDir
	Path work;

	@Test
	void fourPartitionsGiveTheOutputsOfOne() throws Exception {
		Path inputs = samplesWithAQuotedLineBreakInTheMiddle();

		Path single = annualRun(inputs, 1, "single");
		Path partitioned = annualRun(inputs, 4, "partitioned");

		OutputTrees.assertSame(single, partitioned);
		assertThat(Files.readString(single.resolve("2024/rejects.csv")))
			.contains("saut de ligne à l'intérieur d'un champ entre guillemets");
		assertThat(Files.readString(single.resolve("2024/centres-en-attente.csv"))).contains("750000010");
	}

	private Path annualRun(Path inputs, int partitions, String name) {
		Path output = this.work.resolve(name);
		try (ConfigurableApplicationContext context = Applications.start(List.of(
				"spring.datasource.url=jdbc:h2:mem:partitioned-" + name + ";DB_CLOSE_DELAY=-1",
				"cds.extract.partitions=" + partitions, "cds.extract.min-partition-bytes=1"))) {
			JobOutcome outcome = context.getBean(AnnualRunLauncher.class)
				.launch(new AnnualRunLauncher.Request(2024, inputs, output, RuleSetRepository.BUILT_IN, Optional.empty(),
						LocalDate.of(2025, 2, 14)));
			// the broken row is 750000010's: that centre is held, the same way whatever the partitions
			assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(ExitCode.COMPLETED_WITH_HELD_CENTRES);
			Integer ranges = context.getBean(JdbcTemplate.class)
				.queryForObject("SELECT COUNT(*) FROM RUN_PATIENT_PARTITION", Integer.class);
			assertThat(ranges).isEqualTo(partitions);
		}
		return output;
	}

	private Path samplesWithAQuotedLineBreakInTheMiddle() throws Exception {
		Path inputs = Files.createDirectories(this.work.resolve("inputs"));
		for (String file : List.of("centres.csv", "declarations.csv", "contracts.csv")) {
			Files.copy(Path.of("input-samples", file), inputs.resolve(file));
		}
		String extract = Files.readString(Path.of("input-samples/patients.csv"), StandardCharsets.UTF_8);
		int middle = extract.indexOf('\n', extract.length() / 2) + 1;
		String broken = "PQ0000001;750000010;1;40;0;0;0;0;0;\"R\nG\";1;0;0;0;0;0;0\n";
		// the broken row sits across the middle of the new file
		int at = extract.lastIndexOf('\n', middle - broken.length() / 2 - 2) + 1;
		Files.writeString(inputs.resolve("patients.csv"), extract.substring(0, at) + broken + extract.substring(at),
				StandardCharsets.UTF_8);
		return inputs;
	}

}
