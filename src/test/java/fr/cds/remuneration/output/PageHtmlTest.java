package fr.cds.remuneration.output;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * PageHtml reads back what StatementHtmlWriter writes: every value as text, its entities decoded
 * once; and a page cut short is refused rather than read for ever (the 10 s guard is for a hang only).
 */
class PageHtmlTest {

	@Test
	void escapedValuesAreTextDecodedOnce() {
		String value = "<b>x</b> & \"q\" 'a' &amp; &#39; <!-- c --> </p></body>";
		PageHtml.Node html = PageHtml.parse("<!DOCTYPE html>\n<html lang=\"fr\"><head><title>t</title></head><body><p>"
				+ StatementHtmlWriter.esc(value) + "</p></body></html>");
		PageHtml.Node p = html.find("p");
		assertThat(p.children).hasSize(1);
		assertThat(p.textContent()).isEqualTo(value);
		assertThat(html.find("b")).isNull();
	}

	@Test
	void aPageCutShortIsRefusedNotReadForEver() {
		for (String page : new String[] { "<html><body><!-- jamais fermé", "<html><body><!DOCTYPE", "<html><body><p>x</p",
				"<html><head><style>p {}", "<html><body><p>a &amp b</p></body></html>" }) {
			assertTimeoutPreemptively(Duration.ofSeconds(10),
					() -> assertThatThrownBy(() -> PageHtml.parse(page)).as(page).isInstanceOf(RuntimeException.class));
		}
	}

}
