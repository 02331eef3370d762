package fr.cds.remuneration.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The layout's limits: a table of hundreds of rows, a row taller than a page, an empty table. The
 * pagination ends, the header is repeated on every page a table continues on, and no text is
 * drawn below a page's foot (where no reader would see it). The 60 s guard is for a hang only.
 */
class StatementPdfLayoutLimitsTest {

	@TempDir
	Path dir;

	static String page(String running, String body) {
		return "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"UTF-8\"/>\n<title>Limites</title>\n</head>\n<body>\n"
				+ "<div class=\"running\">" + running + "</div>\n" + body + "\n</body>\n</html>\n";
	}

	List<String> pages(String body) throws Exception {
		return pages("Centre limite", body);
	}

	List<String> pages(String running, String body) throws Exception {
		String html = page(running, body);
		byte[] pdf = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new StatementPdfRenderer(null).render(html));
		Path file = this.dir.resolve("limits.pdf");
		Files.write(file, pdf);
		return Arrays.stream(StatementLetterPdfTest.pdftotext(file, false).split("\f")).filter(p -> !p.isBlank()).toList();
	}

	static String table(String rows) {
		return "<table><thead><tr><th>Colonne A</th><th class=\"num\">Colonne B</th></tr></thead><tbody>" + rows
				+ "</tbody></table>";
	}

	@Test
	void hundredsOfRowsRepeatTheHeaderOnEveryPage() throws Exception {
		StringBuilder rows = new StringBuilder();
		for (int i = 0; i < 600; i++) {
			rows.append("<tr><td>ligne ").append(i).append("</td><td class=\"num\">").append(i).append(",00 €</td></tr>");
		}
		List<String> pages = pages("<h1>Titre</h1>" + table(rows.toString()));
		assertThat(pages.size()).isGreaterThan(5);
		for (String page : pages) {
			assertThat(page).contains("Colonne A").contains("Centre limite");
		}
		String all = String.join("\n", pages);
		for (int i = 0; i < 600; i++) {
			assertThat(all).contains("ligne " + i + "\n");
		}
	}

	@Test
	void aRowTallerThanAPageLosesNoText() throws Exception {
		StringBuilder words = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			words.append("mot").append(i).append(' ');
		}
		List<String> pages = pages(table("<tr><td>avant</td><td>1</td></tr><tr><td>" + words + "</td><td>2</td></tr>"
				+ "<tr><td>après</td><td>3</td></tr>"));
		String all = String.join("\n", pages).replaceAll("\\s+", " ");
		for (int i = 0; i < 3000; i++) {
			assertThat(all).as("mot%d", i).contains("mot" + i + " ");
		}
		assertThat(all).contains("après");
		for (String page : pages) {
			// every page the table continues on starts with its header, and none holds the header alone
			assertThat(page).contains("Colonne A");
			assertThat(page.replaceAll("Centre limite|Colonne A|Colonne B|page \\d+ / \\d+", "")).isNotBlank();
		}
	}

	/**
	 * The running header holds the centre's name (up to 200 characters, FieldLengths.NAME) before its
	 * FINESS and exercice: a long name must not push them past the page's right edge.
	 */
	@Test
	void aLongNameKeepsTheRunningHeaderOnThePage() throws Exception {
		String name = ("Centre de santé municipal polyvalent et dentaire " + "Jean-Baptiste-Poquelin-dit-Molière ".repeat(5)).strip();
		name = name.substring(0, Math.min(200, name.length()));
		String running = name + " — FINESS 750000101 — exercice 2024";
		List<String> pages = pages(running, "<p>corps</p><div class=\"annex\"><p>annexe</p></div>");
		assertThat(pages).hasSize(2);
		for (String page : pages) {
			assertThat(page.replaceAll("\\s+", " ")).contains("FINESS 750000101 — exercice 2024").contains(name);
		}
	}

	@Test
	void emptyTablesAndAnEmptyBody() throws Exception {
		List<String> pages = pages("<p>avant</p><table></table><table><tbody></tbody></table>" + table("")
				+ "<table><tr><td></td></tr></table><p>après</p>");
		assertThat(String.join("\n", pages)).contains("avant").contains("Colonne A").contains("après");
	}

}
