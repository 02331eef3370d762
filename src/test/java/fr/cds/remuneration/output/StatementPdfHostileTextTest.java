package fr.cds.remuneration.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.CentreResult;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A centre's name and address come from a CSV file anyone may write: whatever they hold, the PDF
 * statement opens, shows exactly the text the HTML statement shows (PageHtml unescapes what
 * StatementHtmlWriter escapes, no more), never takes a value for markup, and is written in bounded
 * time. The hang guard (60 s) is no performance figure.
 */
class StatementPdfHostileTextTest {

	@TempDir
	Path dir;

	static final String LONG_WORD = "A".repeat(300) + "É".repeat(300);

	static final String LONG_NAME = ("Centre de santé municipal Jean-Baptiste Poquelin ").repeat(42).strip();

	/** Values that the PDF must show character for character (as the HTML shows them). */
	static final List<String> SHOWN = List.of("Dupont & Fils <SARL> \"Le Chêne\" l'Abbaye", "&amp; &lt;b&gt; &#39; &#x41;",
			"<b>gras</b> <script>alert(1)</script> </td></tr></table><h1>x</h1>", "<!-- commentaire --> <!DOCTYPE x>",
			LONG_WORD, LONG_NAME, "", "centre 😀 santé 𝔘 中文 한국어",
			"😀".repeat(300));

	/** Characters the input refuses (RowShape) but the PDF must still survive: control, bidi, zero width. */
	static final List<String> SURVIVED = List.of("a\u0000b\u0007c\u001bd", "abc\u202Edef\u202C", "zero\u200Bwidth\u200D\uFEFF",
			"moitié \ud83d seule");

	/** The statement of a small medical centre meeting the socle: the page the hostile values are put into. */
	static StatementView medicalCentre() {
		CentreResult result = new RemunerationEngine().compute(
				RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty()),
				CentreFixture.centre("750000101", CentreType.MEDICAL)
					.staff(Profession.MEDECIN_GENERALISTE, "2")
					.socle2024()
					.inputs());
		return StatementView.of(result);
	}

	static StatementView hostile(String value) {
		StatementView plain = medicalCentre();
		StatementLetter letter = plain.letter();
		StatementLetter bad = new StatementLetter(value, letter.opening(), value, letter.dueLine(), letter.why(),
				letter.improvementsIntro(), letter.improvements(), letter.sections(), letter.indicators(), letter.marks());
		List<StatementView.Field> fields = new ArrayList<>(plain.fields());
		fields.add(new StatementView.Field("Raison sociale", value, value));
		return new StatementView(plain.finess(), plain.title(), fields, plain.lines(), plain.notes(), plain.whatIf(),
				plain.totalEuros(), plain.unitLabel(), plain.legend(), plain.recourse(), plain.payment(), plain.streams(),
				plain.summary(), plain.grandTotalEuros(), bad);
	}

	/** The words, whitespace dropped (lines break where the PDF's width says), no-break spaces as spaces. */
	static String squeezed(String text) {
		return text.replace('\u00A0', ' ').replace('\u202F', ' ').replaceAll("\\s+", "");
	}

	List<String> pdfTexts(String value) throws Exception {
		StatementHtmlRenderer html = StatementPdfRendererTest.htmlRenderer();
		String page = html.render(hostile(value));
		byte[] pdf = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new StatementPdfRenderer(html).render(page));
		Path file = this.dir.resolve("hostile.pdf");
		Files.write(file, pdf);
		Process info = new ProcessBuilder("pdfinfo", file.toString()).redirectErrorStream(true).start();
		String infoText = new String(info.getInputStream().readAllBytes());
		assertThat(info.waitFor()).as(infoText).isZero();
		assertThat(infoText).doesNotContain("Syntax Error");
		String poppler = StatementLetterPdfTest.pdftotext(file, false);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String pdfbox = new PDFTextStripper().getText(document);
			// both readers (poppler's and PDFBox's) are asked; their orders differ, not their words
			return List.of(poppler, pdfbox);
		}
	}

	@Test
	void everyHostileValueIsShownAsWritten() throws Exception {
		for (String value : SHOWN) {
			for (String text : pdfTexts(value)) {
				assertThat(squeezed(text)).as(value).contains(squeezed(value));
				assertThat(text).as(value).doesNotContain("&amp;amp;");
			}
		}
	}

	@Test
	void invisibleAndBrokenCharactersNeitherHangNorThrow() throws Exception {
		for (String value : SURVIVED) {
			for (String text : pdfTexts(value)) {
				assertThat(text).as(value).contains("Raison sociale");
			}
		}
	}

}
