package fr.cds.remuneration.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF statement carries the same words and amounts as the HTML one it is made from. */
class StatementPdfRendererTest {

	@TempDir
	Path dir;

	static StatementHtmlRenderer htmlRenderer() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return new StatementHtmlRenderer(engine);
	}

	@Test
	void thePdfShowsEveryIndicatorAndTheTotal() throws Exception {
		CentreResult result = new RemunerationEngine().compute(
				RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty()),
				CentreFixture.centre("750000101", CentreType.MEDICAL)
					.staff(Profession.MEDECIN_GENERALISTE, "12")
					.staff(Profession.MEDECIN_AUTRE, "3")
					.staff(Profession.INFIRMIER, "5")
					.patients(Population.MEDECIN_TRAITANT, 10_000, 4_000, 500)
					.socle2024()
					.answer("CONCERTATION", "oui")
					.answer("MISSIONS_SANTE_PUBLIQUE", "3")
					.answer("FORMATION", "6")
					.inputs());
		Path pdf = this.dir.resolve("750000101.pdf");
		new StatementPdfRenderer(htmlRenderer()).write(pdf, StatementView.of(result));

		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			String text = new PDFTextStripper().getText(document);
			// the hand-computed total of RemunerationEngineTest, in French format
			assertThat(text.replace('\u00A0', ' ')).contains("123 025,00 €")
				.contains("Fonction de coordination")
				.contains("valeur provisoire (référence ACI)")
				.contains("→ majoration 25,00");
			for (var line : result.lines()) {
				assertThat(text).contains(line.code());
			}
		}
		assertThat(Files.size(pdf)).isPositive();
	}

}
