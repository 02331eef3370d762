package fr.cds.remuneration.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.springframework.stereotype.Component;

/**
 * Renders a statement as PDF from the very HTML of the HTML statement (the same words, in the same
 * order): {@link PageHtml} reads the page back, {@link StatementPdfLayout} lays it out on A4 pages
 * with the print rules of {@code common.html} (running header, "page n / N", table headers repeated
 * on every page, no row split across two pages unless taller than a page, the annex on a page of its own) and {@link TaggedPdf}
 * writes it with PDFBox, with the embedded DejaVu Sans fonts ({@link EmbeddedFont}) so that every
 * character (€, ≥, →, accents) prints the same everywhere.
 * <p>
 * Written directly rather than through an HTML renderer (openhtmltopdf before issue 17's fourth
 * pass): measured on the national statements, 9 to 10 ms of CPU per PDF against 36 to 47 ms; see
 * docs/pdf-and-csv.md.
 * <p>
 * The PDF is tagged (PDF/UA-1: structure tree, {@code /Lang} from the page's {@code lang}, title
 * from its {@code <title>} shown by the reader): screen readers read it, as the public sector must
 * publish.
 * <p>
 * The same page gives the same bytes on every run: no creation date, and a document identifier
 * derived from the page, where PDFBox would derive one from the clock. A restarted run therefore
 * writes the PDFs an uninterrupted one writes.
 */
@Component
public class StatementPdfRenderer {

	/** Producer recorded in the PDF. */
	static final String PRODUCER = "cds-remuneration";

	private final StatementHtmlRenderer html;

	public StatementPdfRenderer(StatementHtmlRenderer html) {
		this.html = html;
	}

	public void write(Path target, StatementView view) {
		byte[] pdf = render(this.html.render(view));
		AtomicFiles.write(target, out -> out.write(pdf));
	}

	/** The PDF of a statement page already rendered as HTML (the same page). */
	public byte[] render(String page) {
		PageHtml.Node html = PageHtml.parse(page);
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			TaggedPdf pdf = new TaggedPdf();
			try {
				String running = StatementPdfLayout.layout(html, pdf);
				StatementPdfLayout.paginate(pdf, running);
			}
			catch (RuntimeException ex) {
				pdf.discard();
				throw ex;
			}
			PageHtml.Node title = html.find("title");
			String subject = null;
			for (PageHtml.Node child : html.find("head").children) {
				if ("meta".equals(child.tag) && "subject".equals(child.attribute("name"))) {
					subject = child.attribute("content");
				}
			}
			String lang = html.attribute("lang");
			pdf.save(out, title == null ? "" : title.textContent().strip(), subject, lang == null ? "fr" : lang, PRODUCER,
					Arrays.copyOf(sha256(page), 16));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] sha256(String page) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(page.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
