package fr.cds.remuneration.output;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.Test;

import fr.cds.remuneration.centre.CentreType;
import fr.cds.remuneration.centre.Population;
import fr.cds.remuneration.centre.Profession;
import fr.cds.remuneration.engine.CentreFixture;
import fr.cds.remuneration.engine.RemunerationEngine;
import fr.cds.remuneration.rules.RuleSetRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fonts parsed once and lent from one PDF to the next (issue 17, operations): the glyph
 * substitution table is hidden and nothing else of the font changes, and PDFs rendered at once
 * on several threads, each borrowing a pair, are byte for byte those rendered one after another.
 */
class StatementFontsTest {

	@Test
	void theGsubTableIsHiddenAndEveryOtherTableKept() throws IOException {
		byte[] original = resource("DejaVuSans.ttf");
		byte[] hidden = StatementFonts.withoutGlyphSubstitution(original);
		try (TrueTypeFont before = parse(original); TrueTypeFont after = parse(hidden)) {
			assertThat(before.getTableMap()).containsKey("GSUB");
			assertThat(after.getTableMap()).doesNotContainKey("GSUB");
			assertThat(after.getTableMap().keySet()).containsAll(
					before.getTableMap().keySet().stream().filter(tag -> !tag.equals("GSUB")).toList());
			assertThat(after.getNumberOfGlyphs()).isEqualTo(before.getNumberOfGlyphs());
			assertThat(after.getUnicodeCmapLookup().getGlyphId('€')).isEqualTo(before.getUnicodeCmapLookup().getGlyphId('€'));
		}
		// only the four bytes of the tag differ
		int differences = 0;
		for (int i = 0; i < original.length; i++) {
			differences += original[i] != hidden[i] ? 1 : 0;
		}
		assertThat(hidden).hasSameSizeAs(original);
		assertThat(differences).isBetween(1, 4);
	}

	@Test
	void pdfsRenderedOnTwoThreadsAtOnceAreTheBytesOfOneThread() throws Exception {
		StatementPdfRenderer renderer = new StatementPdfRenderer(StatementPdfRendererTest.htmlRenderer());
		List<String> finess = sampleFiness();
		List<String> pages = List.of(page(finess.get(0), CentreType.MEDICAL, 12), page(finess.get(1), CentreType.POLYVALENT, 3));
		List<byte[]> alone = new ArrayList<>();
		for (String page : pages) {
			alone.add(renderer.render(page));
		}
		assertThat(alone.get(0)).isNotEqualTo(alone.get(1));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 4; round++) {
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<byte[]>> rendered = new ArrayList<>();
				for (String page : pages) {
					Callable<byte[]> task = () -> {
						together.await();
						return renderer.render(page);
					};
					rendered.add(pool.submit(task));
				}
				for (int i = 0; i < pages.size(); i++) {
					assertThat(rendered.get(i).get()).as("round %d, page %d", round, i).isEqualTo(alone.get(i));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String page(String finess, CentreType type, int doctors) {
		var result = new RemunerationEngine().compute(
				RuleSetRepository.load(RuleSetRepository.BUILT_IN).rulesFor(2024, Optional.empty()),
				CentreFixture.centre(finess, type)
					.staff(Profession.MEDECIN_GENERALISTE, String.valueOf(doctors))
					.staff(Profession.INFIRMIER, "2")
					.patients(Population.MEDECIN_TRAITANT, 1_000 * doctors, 400, 50)
					.socle2024()
					.answer("CONCERTATION", "oui")
					.inputs());
		return StatementPdfRendererTest.htmlRenderer().render(StatementView.of(result));
	}

	/** Two FINESS numbers with valid keys, from the sample inputs. */
	private static List<String> sampleFiness() throws IOException {
		return Files.readAllLines(Path.of("input-samples/centres.csv"))
			.stream()
			.skip(1)
			.limit(2)
			.map(line -> line.substring(0, line.indexOf(';')))
			.toList();
	}

	private static TrueTypeFont parse(byte[] font) throws IOException {
		return new TTFParser().parse(new RandomAccessReadBuffer(font));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = StatementFontsTest.class.getResourceAsStream("/fonts/" + name)) {
			return in.readAllBytes();
		}
	}

}
