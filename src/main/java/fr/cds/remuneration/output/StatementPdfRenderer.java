package fr.cds.remuneration.output;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;

/**
 * Renders a statement as PDF from the very HTML of the HTML statement (same template, same
 * words), with an embedded DejaVu Sans font so that every character (€, ≥, →, accents) prints the
 * same everywhere and nothing is fetched from outside.
 */
@Component
public class StatementPdfRenderer {

	private static final String FONT_FAMILY = "DejaVu Sans";

	private static final byte[] REGULAR = font("DejaVuSans.ttf");

	private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

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
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL,
				true);
		builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
		builder.withHtmlContent(page, null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A font's bytes, read once for every statement of the process. */
	private static byte[] font(String name) {
		try (InputStream in = StatementPdfRenderer.class.getResourceAsStream("/fonts/" + name)) {
			if (in == null) {
				throw new IOException("font /fonts/" + name + " missing from the application");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
