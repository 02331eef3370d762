package fr.cds.remuneration.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF statement is a tagged, accessible document (PDF/UA-1) and the same page always gives the
 * same bytes: checked by reading the PDF back with PDFBox, not by trusting the renderer's options.
 */
class StatementPdfAccessibilityTest {

	private static String page;

	private static byte[] pdf;

	@BeforeAll
	static void render() {
		CentreResult result = new RemunerationEngine().compute(
				RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty()),
				CentreFixture.centre("750000101", CentreType.MEDICAL)
					.staff(Profession.MEDECIN_GENERALISTE, "12")
					.staff(Profession.INFIRMIER, "5")
					.patients(Population.MEDECIN_TRAITANT, 10_000, 4_000, 500)
					.socle2024()
					.answer("CONCERTATION", "oui")
					.inputs());
		page = StatementPdfRendererTest.htmlRenderer().render(StatementView.of(result));
		pdf = new StatementPdfRenderer(StatementPdfRendererTest.htmlRenderer()).render(page);
	}

	@Test
	void thePdfIsTaggedInFrenchWithItsTitleShown() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDDocumentCatalog catalog = document.getDocumentCatalog();
			assertThat(catalog.getMarkInfo()).isNotNull();
			assertThat(catalog.getMarkInfo().isMarked()).isTrue();
			PDStructureTreeRoot structure = catalog.getStructureTreeRoot();
			assertThat(structure).isNotNull();
			assertThat(structure.getKids()).isNotEmpty();
			assertThat(structure.getParentTree()).isNotNull();
			assertThat(catalog.getLanguage()).isEqualTo("fr");
			String title = document.getDocumentInformation().getTitle();
			assertThat(title).contains("750000101");
			assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
			String xmp = new String(catalog.getMetadata().toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(xmp).contains("pdfuaid").contains("750000101");
			// every page's content is marked as belonging to the structure tree
			for (PDPage onePage : document.getPages()) {
				assertThat(onePage.getCOSObject().getInt(COSName.STRUCT_PARENTS)).isGreaterThanOrEqualTo(0);
			}
		}
	}

	@Test
	void everyFontIsEmbedded() throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage onePage : document.getPages()) {
				PDResources resources = onePage.getResources();
				for (COSName name : resources.getFontNames()) {
					fonts.add(resources.getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
		}
	}

	@Test
	void theSamePageGivesTheSameBytesWithNoClockInThem() throws IOException {
		byte[] again = new StatementPdfRenderer(StatementPdfRendererTest.htmlRenderer()).render(page);
		assertThat(again).isEqualTo(pdf);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentInformation().getCreationDate()).isNull();
			assertThat(document.getDocumentInformation().getProducer()).isEqualTo(StatementPdfRenderer.PRODUCER);
		}
	}

}
