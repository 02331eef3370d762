package fr.cds.remuneration.annual;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.thymeleaf.TemplateEngine;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.CentreResult.CentreIdentity;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statement file names come from validated FINESS numbers only. */
class StatementFilesWriterTest {

	@TempDir
	Path work;

	@Test
	void aResultWhoseFinessIsNotValidGetsNoFile() {
		CentreResult valid = new RemunerationEngine().compute(
				RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty()),
				CentreFixture.centre("750000100", CentreType.MEDICAL).socle2024().inputs());
		Path statements = this.work.resolve("out/statements");
		StatementFilesWriter writer = new StatementFilesWriter(statements, new StatementHtmlRenderer(new TemplateEngine()), null,
				null, 0, "");

		for (String finess : List.of("../../etc/x", "75000010/", "..", "750000100.csv", "")) {
			assertThatThrownBy(() -> writer.write(new Chunk<>(withFiness(valid, finess))))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("malformed FINESS");
		}
		assertThat(this.work.resolve("out")).doesNotExist();
	}

	private static CentreResult withFiness(CentreResult result, String finess) {
		CentreIdentity c = result.centre();
		return new CentreResult(new CentreIdentity(finess, c.name(), c.type(), c.typeLabel(), c.departement(),
				c.departementName(), c.regionCode(), c.regionName(), c.adhesion(), c.opening(), c.closing()),
				result.exercice(), result.ruleSet(), result.unit(), result.pointValueEur(), result.pointValueProvenance(),
				result.patientBase(), result.healthProfessionalFte(), result.prorata(), result.uplift(), result.socle(),
				result.lines(), result.totalEuros(), result.schemes(), result.rejectedRows(), result.notes(),
				result.streams());
	}

}
