package fr.cds.remuneration.output;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.StringTemplateResolver;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statement's HTML is written by code ({@link StatementHtmlWriter}), not by a template: every
 * value must still be escaped exactly as Thymeleaf's {@code th:text} and attribute processors
 * escape it, and no value taken from the inputs may reach the page as markup.
 */
class StatementHtmlWriterEscapingTest {

	static final List<String> HOSTILE = List.of("<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>",
			"a & b && c", "l'exercice « 2024 »", "é — € \u00a0\u202f", "&lt;déjà&gt; &amp; &#39;", "</td></tr></table>",
			"{{7*7}} ${7*7} [[${v}]] [(${v})]", "tab\tnew\nline\r", "\u0000\u0007\u001b", "😀 \ud83d", "'; DROP TABLE x; --",
			"=HYPERLINK(\"http://evil.example\";\"clic\")", "");

	@Test
	void everyValueIsEscapedAsThymeleafEscapesTextAndAttributes() {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(TemplateMode.HTML);
		engine.setTemplateResolver(resolver);
		for (String value : HOSTILE) {
			Context context = new Context();
			context.setVariable("v", value);
			assertThat(engine.process("<p th:text=\"${v}\"></p>", context)).as(value)
				.isEqualTo("<p>" + StatementHtmlWriter.esc(value) + "</p>");
			if (!value.isEmpty()) { // Thymeleaf drops an empty attribute; the writer's only attribute value is never empty
				assertThat(engine.process("<meta name=\"subject\" th:content=\"${v}\"/>", context)).as(value)
					.isEqualTo("<meta name=\"subject\" content=\"" + StatementHtmlWriter.esc(value) + "\"/>");
			}
			assertThat(StatementHtmlWriter.esc(value)).doesNotContain("<", ">", "\"", "'");
		}
		assertThat(StatementHtmlWriter.esc(null)).isEmpty();
		// the writer skips the escaper for a text it would not change: so for every single character
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String text = "a" + (char) c + "b";
			assertThat(StatementHtmlWriter.esc(text)).as("U+%04X", c).isEqualTo(HtmlEscape.escapeHtml4Xml(text));
		}
	}

	record Estimated(StreamSection section, String reason) implements StatementHtmlWriter.EstimatedStream {
	}

	@Test
	void aHostileValueReachesTheStatementAndTheEstimateEscapedOnly() {
		StatementView plain = StatementPdfHostileTextTest.medicalCentre();
		String hostile = "<script>alert('x')</script>\"><b onmouseover=alert(1)>";
		StatementLetter letter = plain.letter();
		StatementLetter badLetter = new StatementLetter(hostile, hostile, hostile, hostile, List.of(hostile), hostile,
				List.of(new StatementLetter.Improvement(hostile, java.math.BigDecimal.TEN, hostile)), letter.sections(),
				letter.indicators(), List.of(hostile));
		StatementView view = new StatementView(hostile, hostile,
				List.of(new StatementView.Field(hostile, hostile, hostile)), plain.lines(), List.of(hostile),
				plain.whatIf(), plain.totalEuros(), plain.unitLabel(), List.of(hostile), hostile, plain.payment(),
				plain.streams(), plain.summary(), plain.grandTotalEuros(), badLetter);
		String escaped = StatementHtmlWriter.esc(hostile);
		// the calculette's payments: one per stream after the forfait, estimated, then not
		List<Estimated> estimated = plain.streams().stream().map(stream -> new Estimated(stream, null)).toList();
		List<Estimated> notEstimated = plain.streams().stream().map(stream -> new Estimated(stream, hostile)).toList();
		for (String page : List.of(StatementHtmlWriter.statement("<style></style>", view, List.of(new PeerBenchmarkView.Row(
				hostile, hostile, hostile, hostile, hostile, hostile))), StatementHtmlWriter.page1(view, estimated),
				StatementHtmlWriter.details(view, estimated), StatementHtmlWriter.annex(view, estimated),
				StatementHtmlWriter.page1(view, notEstimated))) {
			assertThat(page).doesNotContain("<script", "<b ", "onmouseover=alert(1)>").contains(escaped);
		}
	}

}
