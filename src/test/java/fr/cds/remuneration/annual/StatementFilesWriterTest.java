package fr.cds.remuneration.annual;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.TemplateEngine;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.CentreResult.CentreIdentity;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.output.StatementHtmlRenderer;
import fr.cds.remuneration.rules.RuleSetRepository;
import fr.cds.remuneration.snapshot.SnapshotJson;
import fr.cds.remuneration.snapshot.StoredResultEncoding;

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
				CentreFixture.centre("750000101", CentreType.MEDICAL).socle2024().inputs());
		StatementRenderProcessor renderer = new StatementRenderProcessor(new StatementHtmlRenderer(new TemplateEngine()),
				null, Map.of(), "");

		for (String finess : List.of("../../etc/x", "75000010/", "..", "750000101.csv", "")) {
			// a row of an earlier run (plain JSON) and one of this code (packed)
			StoredResultEncoding.Stored stored = new StoredResultEncoding.Stored(
					SnapshotJson.write(withFiness(valid, finess)), null);
			StoredResultEncoding.Stored packed = new StoredResultEncoding.Stored(null,
					StoredResultEncoding.pack(withFiness(valid, finess)));
			assertThatThrownBy(() -> renderer.process(packed)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("malformed FINESS");
			assertThatThrownBy(() -> renderer.process(stored)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("malformed FINESS");
			assertThatThrownBy(() -> new RenderedStatement(finess, new byte[0], new byte[0], null))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("malformed FINESS");
		}
	}

	@Test
	void eachStatementIsWrittenUnderItsFiness() throws Exception {
		Path statements = this.work.resolve("out/statements");
		StatementFilesWriter writer = new StatementFilesWriter(statements);
		writer.write(new RenderedStatement("750000101", "csv".getBytes(), "html".getBytes(), null));
		writer.write(new RenderedStatement("2A0000032", "c2".getBytes(), "h2".getBytes(), "pdf".getBytes()));

		try (var files = Files.list(statements)) {
			assertThat(files.map(f -> f.getFileName().toString()).sorted()).containsExactly("2A0000032.csv",
					"2A0000032.html", "2A0000032.pdf", "750000101.csv", "750000101.html");
		}
		assertThat(Files.readString(statements.resolve("2A0000032.pdf"))).isEqualTo("pdf");
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
